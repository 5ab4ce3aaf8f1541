namespace Cos.Generated.MSBuild.Tests.Unit;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("**/*.pdb", "a.pdb", true)]
    [InlineData("**/*.pdb", "x/y/a.pdb", true)]
    [InlineData("**/*.pdb", "x/a.pdbx", false)]
    [InlineData("*.css", "a.css", true)]
    [InlineData("*.css", "x/a.css", false)] // as in MSBuild: no folder in the pattern, top level only
    [InlineData("legacy/**", "legacy/a/b.css", true)]
    [InlineData("legacy/**", "legacyx/a.css", false)]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    [InlineData("a/**/b.txt", "ab.txt", false)]
    [InlineData("?.txt", "a.txt", true)]
    [InlineData("?.txt", "ab.txt", false)]
    [InlineData("file(1)+[x].txt", "file(1)+[x].txt", true)]
    [InlineData("file(1)+[x].txt", "file1+x.txt", false)]
    [InlineData("./css\\*.css", "css/a.css", true)]
    public void Matches_paths_relative_to_the_source_directory_as_MSBuild_globs_do(string pattern, string path, bool expected) =>
        GlobPattern.Parse(pattern).IsMatch(path).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("../secrets/*")]
    [InlineData("a/../../b")]
    public void Empty_patterns_and_patterns_that_climb_out_are_refused(string pattern) =>
        Should.Throw<ArgumentException>(() => GlobPattern.Parse(pattern));

    [Fact]
    public void A_list_is_split_on_semicolons_and_skips_empty_entries() =>
        GlobPattern.ParseList("**/*.css; ;**/*.svg;").Select(g => g.Text).ShouldBe(["**/*.css", "**/*.svg"]);
}
