using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Signing;

public sealed class CosKeyTimeTests
{
    [Theory]
    [InlineData(1_700_000_000_000, 1_699_999_999)] // exact second: round(now) - 1
    [InlineData(1_700_000_000_499, 1_699_999_999)] // rounds down below .5
    [InlineData(1_700_000_000_500, 1_700_000_000)] // Math.round: .5 rounds up
    [InlineData(1_700_000_000_999, 1_700_000_000)]
    public void FromNow_starts_one_second_before_now_rounded(long nowMs, long start)
    {
        var keyTime = CosKeyTime.FromNow(DateTimeOffset.FromUnixTimeMilliseconds(nowMs), TimeSpan.FromSeconds(900));
        keyTime.ShouldBe(new CosKeyTime(start, start + 900));
    }

    [Fact]
    public void FromNow_rejects_a_non_positive_validity() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CosKeyTime.FromNow(DateTimeOffset.UnixEpoch, TimeSpan.Zero));

    [Fact]
    public void Parse_and_ToString_round_trip()
    {
        var keyTime = CosKeyTime.Parse("1700000000;1700003600");
        keyTime.ShouldBe(new CosKeyTime(1_700_000_000, 1_700_003_600));
        keyTime.ToString().ShouldBe("1700000000;1700003600");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1700000000")]
    [InlineData(";1700003600")]
    [InlineData("1700000000;")]
    [InlineData("-1;5")]
    [InlineData("1;2;3")]
    [InlineData(" 1;2")]
    public void Parse_rejects_malformed_text(string value) => Should.Throw<FormatException>(() => CosKeyTime.Parse(value));
}
