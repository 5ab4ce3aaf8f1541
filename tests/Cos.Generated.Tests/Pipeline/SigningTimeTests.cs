using Cos.Generated.Credentials;
using Cos.Generated.Pipeline;
using Cos.Generated.Signing;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

public class SigningTimeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly TimeSpan Expires = TimeSpan.FromSeconds(900);

    [Fact]
    public void Permanent_keys_sign_from_now() =>
        SigningTime.ForRequest(new CosCredentials("id", "key"), Now, Expires).ShouldBe(new CosKeyTime(1_699_999_999, 1_700_000_899));

    [Fact]
    public void Temporary_keys_sign_with_their_window() =>
        SigningTime.ForRequest(new CosCredentials("id", "key", "t", Now.AddMinutes(-1), Now.AddHours(1)), Now, Expires)
            .ShouldBe(new CosKeyTime(1_699_999_940, 1_700_003_600));

    [Fact]
    public void Start_only_signs_start_plus_expires() =>
        SigningTime.ForRequest(new CosCredentials("id", "key", "t", Now, null), Now.AddMinutes(5), Expires)
            .ShouldBe(new CosKeyTime(1_700_000_000, 1_700_000_900));

    [Fact]
    public void Urls_never_outlive_the_key()
    {
        SigningTime.ForUrl(new CosCredentials("id", "key", "t", null, Now.AddSeconds(60)), Now, TimeSpan.FromHours(1))
            .ShouldBe(new CosKeyTime(1_699_999_999, 1_700_000_060));
        SigningTime.ForUrl(new CosCredentials("id", "key"), Now, TimeSpan.FromHours(1))
            .ShouldBe(new CosKeyTime(1_699_999_999, 1_700_003_599));
    }
}
