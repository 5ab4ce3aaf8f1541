using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Signing;

public sealed class CosAuthorizationRequestTests
{
    private const string SecretId = "AKIDEXAMPLE";
    private const string SecretKey = "SECRETEXAMPLE";
    private const string KeyTime = "1700000000;1700003600";
    private const string Host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";

    private static KeyValuePair<string, string?> Pair(string name, string? value) => new(name, value);

    [Fact]
    public void A_given_Host_wins_over_Bucket_and_Region()
    {
        var authorization = CosSigner.GetAuthorization(new CosAuthorizationRequest
        {
            SecretId = SecretId,
            SecretKey = SecretKey,
            Key = "a.txt",
            Headers = [Pair("host", Host)],
            Bucket = "other-1250000000",
            Region = "ap-beijing",
            KeyTime = CosKeyTime.Parse(KeyTime),
        });

        authorization.ShouldBe(ReferenceSigner.Authorization(SecretId, SecretKey, "GET", "/a.txt", [], [Pair("host", Host)], KeyTime));
    }

    [Fact]
    public void ForceSignHost_false_signs_no_derived_Host()
    {
        var authorization = CosSigner.GetAuthorization(new CosAuthorizationRequest
        {
            SecretId = SecretId,
            SecretKey = SecretKey,
            Method = "HEAD",
            Key = "auto/host.txt",
            Bucket = "examplebucket-1250000000",
            Region = "ap-shanghai",
            ForceSignHost = false,
            KeyTime = CosKeyTime.Parse(KeyTime),
        });

        ReferenceSigner.Part(authorization, "q-header-list").ShouldBeEmpty();
        authorization.ShouldBe(ReferenceSigner.Authorization(SecretId, SecretKey, "HEAD", "/auto/host.txt", [], [], KeyTime));
    }

    [Fact]
    public void Pathname_wins_over_Key_and_defaults_are_GET_and_root()
    {
        var request = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = SecretKey, Key = "ignored", Pathname = "/used", KeyTime = CosKeyTime.Parse(KeyTime) };
        CosSigner.Explain(request).HttpString.ShouldBe("get\n/used\n\n\n");

        var root = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = SecretKey, KeyTime = CosKeyTime.Parse(KeyTime) };
        CosSigner.Explain(root).HttpString.ShouldBe("get\n/\n\n\n");
    }

    [Fact]
    public void KeyTime_is_derived_from_the_TimeProvider_and_Expires()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_600));
        var request = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = SecretKey, Key = "k", TimeProvider = clock };
        var defaultExpiry = CosSigner.Explain(request);
        defaultExpiry.KeyTime.ShouldBe(new CosKeyTime(1_700_000_000, 1_700_000_900));
        defaultExpiry.Authorization.ShouldContain("&q-sign-time=1700000000;1700000900&q-key-time=1700000000;1700000900&");
        defaultExpiry.Authorization.ShouldBe(ReferenceSigner.Authorization(SecretId, SecretKey, "GET", "/k", [], [], "1700000000;1700000900"));

        var hour = CosSigner.Explain(new CosAuthorizationRequest { SecretId = SecretId, SecretKey = SecretKey, TimeProvider = clock, Expires = TimeSpan.FromHours(1) });
        hour.KeyTime.ShouldBe(new CosKeyTime(1_700_000_000, 1_700_003_600));
    }

    [Fact]
    public void Dictionaries_sequences_and_lists_sign_alike()
    {
        var query = new Dictionary<string, string?> { ["partNumber"] = "3", ["uploadId"] = "abc" };
        var headers = new Dictionary<string, string?> { ["Host"] = Host, ["Content-Length"] = "5", ["User-Agent"] = "x" };
        string Sign(IEnumerable<KeyValuePair<string, string?>> q, IEnumerable<KeyValuePair<string, string?>> h) => CosSigner.GetAuthorization(new CosAuthorizationRequest
        {
            SecretId = SecretId, SecretKey = SecretKey, Method = "PUT", Key = "v.mp4", Query = q, Headers = h, KeyTime = CosKeyTime.Parse(KeyTime),
        });

        var expected = ReferenceSigner.Authorization(SecretId, SecretKey, "PUT", "/v.mp4", query, headers.Where(static h => h.Key != "User-Agent"), KeyTime);
        Sign(query, headers).ShouldBe(expected);
        Sign(query.ToList(), headers.ToArray()).ShouldBe(expected);
        Sign(query.Select(static p => p), headers.Where(static _ => true)).ShouldBe(expected);
    }

    [Fact]
    public void Inputs_larger_than_the_stack_buffers_sign_correctly()
    {
        var query = Enumerable.Range(0, 60).Select(i => Pair($"Param-{59 - i}", new string('中', i * 3) + "/+ !")).ToList();
        var headers = Enumerable.Range(0, 40).Select(i => Pair($"x-cos-meta-K{i}", new string('v', 50) + "é")).Append(Pair("Host", Host)).ToList();
        var request = new CosAuthorizationRequest
        {
            SecretId = SecretId, SecretKey = SecretKey, Method = "POST", Key = new string('路', 300), Query = query, Headers = headers, KeyTime = CosKeyTime.Parse(KeyTime),
        };

        CosSigner.GetAuthorization(request).ShouldBe(ReferenceSigner.Authorization(SecretId, SecretKey, "POST", "/" + new string('路', 300), query, headers, KeyTime));
    }

    [Fact]
    public void Alternating_secrets_and_key_times_never_reuse_a_wrong_sign_key()
    {
        for (var i = 0; i < 50; i++)
        {
            var secret = i % 3 == 0 ? "first-secret" : "second-secret";
            var keyTime = $"{1_700_000_000 + (i % 2)};1700003600";
            var request = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = secret, Key = "x", KeyTime = CosKeyTime.Parse(keyTime) };
            CosSigner.GetAuthorization(request).ShouldBe(ReferenceSigner.Authorization(SecretId, secret, "GET", "/x", [], [], keyTime));
        }
    }

    [Fact]
    public void Concurrent_signers_with_different_secrets_agree_with_the_reference()
    {
        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var secret = "secret-" + (i % 5);
            var keyTime = $"{1_700_000_000 + (i % 7)};1700009999";
            var request = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = secret, Key = "k" + i, KeyTime = CosKeyTime.Parse(keyTime) };
            if (CosSigner.GetAuthorization(request) != ReferenceSigner.Authorization(SecretId, secret, "GET", "/k" + i, [], [], keyTime))
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.ShouldBe(0);
    }

    [Fact]
    public void Secrets_are_not_printed()
    {
        var request = new CosAuthorizationRequest { SecretId = SecretId, SecretKey = "TOPSECRETVALUE", Key = "k", KeyTime = CosKeyTime.Parse(KeyTime) };
        request.ToString().ShouldNotContain("TOPSECRETVALUE");
        request.ToString().ShouldContain(SecretId);

        var details = CosSigner.Explain(request);
        details.ToString().ShouldNotContain(details.SignKey);
        details.ToString().ShouldNotContain("TOPSECRETVALUE");
    }

    [Fact]
    public void Invalid_requests_throw_without_revealing_the_secret()
    {
        var missingId = Should.Throw<ArgumentException>(() => CosSigner.GetAuthorization(new CosAuthorizationRequest { SecretId = "", SecretKey = "TOPSECRETVALUE" }));
        missingId.Message.ShouldNotContain("TOPSECRETVALUE");
        Should.Throw<ArgumentException>(() => CosSigner.GetAuthorization(new CosAuthorizationRequest { SecretId = SecretId, SecretKey = "" }));
        Should.Throw<ArgumentNullException>(() => CosSigner.GetAuthorization(null!));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
