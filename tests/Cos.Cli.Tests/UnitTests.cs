using Cos.Cli.Commands;
using Cos.Cli.Output;
using Cos.Cli.Paths;
using Cos.Generated.Transfer;

namespace Cos.Cli.Tests;

/// <summary>The parts of cos with rules of their own, tested in-process.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "deep/dir/a.txt", true)] // no '/': the name alone
    [InlineData("*.txt", "a.txt.bak", false)]
    [InlineData("logs/*", "logs/a.txt", true)]
    [InlineData("logs/*", "logs/old/a.txt", false)] // '*' stays in a directory
    [InlineData("logs/**", "logs/old/a.txt", true)]
    [InlineData("logs/**/a.txt", "logs/a.txt", true)] // '**/' may match no directory
    [InlineData("logs/**/a.txt", "logs/x/y/a.txt", true)]
    [InlineData("logs/**/a.txt", "logsa.txt", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", true)] // name-only: "a/c" has the name "c"... see next
    [InlineData("x/a?c", "x/a/c", false)] // '?' never matches '/'
    [InlineData("**", "anything/at/all", true)]
    [InlineData("a.b", "axb", false)] // '.' is literal
    public void Globs_match_as_documented(string glob, string path, bool expected)
    {
        // For name-only globs the name is matched: "a?c" against "a/c" compares "c", which fails.
        var expectedResult = glob == "a?c" && path == "a/c" ? false : expected;
        new PathFilter([glob], null).Matches(path).ShouldBe(expectedResult);
    }

    [Fact]
    public void Exclude_wins_over_include_and_no_include_takes_everything()
    {
        var filter = new PathFilter(["*.txt"], ["secret/**"]);
        filter.Matches("a.txt").ShouldBeTrue();
        filter.Matches("secret/a.txt").ShouldBeFalse();
        filter.Matches("a.log").ShouldBeFalse();
        PathFilter.All.Matches("x/y.bin").ShouldBeTrue();
    }

    [Fact]
    public void A_hostile_glob_costs_at_most_pattern_times_path()
    {
        var glob = string.Concat(Enumerable.Repeat("*a", 40)) + "b";
        var path = new string('a', 4000);
        new PathFilter([glob], null).Matches(path).ShouldBeFalse(); // a backtracking matcher would not finish
    }

    [Theory]
    [InlineData("cos://b-1250000000", "b-1250000000", "")]
    [InlineData("cos://b-1250000000/", "b-1250000000", "")]
    [InlineData("COS://b-1250000000/dir/a b+c.txt", "b-1250000000", "dir/a b+c.txt")]
    [InlineData("cos://b-1250000000/dir/", "b-1250000000", "dir/")]
    public void Cos_uris_parse_into_bucket_and_raw_key(string text, string bucket, string key)
    {
        var uri = CosUri.Parse(text);
        uri.Bucket.ShouldBe(bucket);
        uri.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("/tmp/x")]
    [InlineData("cos://")]
    [InlineData("cos://bucket/key")]
    [InlineData("cos://bucket-12a/key")]
    [InlineData("cos://bu_cket-125/key")]
    public void Bad_uris_are_usage_errors(string text) =>
        Should.Throw<CliException>(() => CosUri.Parse(text)).ExitCode.ShouldBe(ExitCodes.Usage);

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("")]
    public void Keys_that_are_not_safe_local_paths_have_none(string key) =>
        LocalTree.PathOf("/tmp/root", key).ShouldBeNull();

    [Fact]
    public void A_safe_key_maps_below_the_root() =>
        LocalTree.PathOf("/tmp/root", "a/b c.txt").ShouldBe(Path.Combine("/tmp/root", "a", "b c.txt"));

    [Theory]
    [InlineData("900", 900)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("7d", 604800)]
    public void Durations_parse(string text, int seconds) => PresignCommand.ParseDuration(text).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5m")]
    [InlineData("5w")]
    [InlineData("m")]
    public void Bad_durations_are_usage_errors(string text) =>
        Should.Throw<CliException>(() => PresignCommand.ParseDuration(text)).ExitCode.ShouldBe(ExitCodes.Usage);

    [Fact]
    public void The_progress_line_shows_percent_bar_bytes_speed_and_ETA()
    {
        // 12 MiB of 48 MiB at 4 MiB/s: 25%, 6 of 24 cells, 36 MiB left = 9 s.
        ProgressDisplay.Format(new CosTransferProgress(12 * 1024 * 1024, 48 * 1024 * 1024, 4 * 1024 * 1024))
            .ShouldBe(" 25% [######..................] 12.0 MiB/48.0 MiB 4.0 MiB/s ETA 0:09");
        ProgressDisplay.Format(new CosTransferProgress(1536, null, 0)).ShouldBe("1.5 KiB 0 B/s");
    }
}
