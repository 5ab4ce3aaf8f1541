using Cos.Emulator.Policy;

namespace Cos.Emulator.Tests;

/// <summary>The emulator's reading of CAM policies: effects, wildcards, the older resource form, what it refuses.</summary>
public sealed class CamPolicyTests
{
    private const string Photos = "qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/photos/a.jpg";

    [Fact]
    public void An_allow_matches_its_action_and_resource_with_star_wildcards_only()
    {
        var policy = CamPolicy.Parse("""{"version":"2.0","statement":[{"effect":"allow","action":["name/cos:PutObject"],"resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/photos/*"]}]}""");

        policy.IsAllowed("name/cos:PutObject", [Photos]).ShouldBeTrue();
        policy.IsAllowed("name/cos:GetObject", [Photos]).ShouldBeFalse();
        policy.IsAllowed("name/cos:PutObject", ["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/docs/a.jpg"]).ShouldBeFalse();
        policy.IsAllowed("name/cos:PutObject", ["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/Photos/a.jpg"]).ShouldBeFalse("resources are case-sensitive");

        var question = CamPolicy.Parse("""{"statement":[{"effect":"allow","action":"name/cos:PutObject","resource":"qcs::cos:ap-guangzhou:uid/1:b-1/a?c"}]}""");
        question.IsAllowed("name/cos:PutObject", ["qcs::cos:ap-guangzhou:uid/1:b-1/abc"]).ShouldBeFalse("'?' is not a wildcard in CAM");
        question.IsAllowed("name/cos:PutObject", ["qcs::cos:ap-guangzhou:uid/1:b-1/a?c"]).ShouldBeTrue();
    }

    [Fact]
    public void A_deny_wins_and_nothing_is_allowed_by_default()
    {
        var policy = CamPolicy.Parse("""
            {"statement":[
              {"effect":"allow","action":["name/cos:*"],"resource":["*"]},
              {"effect":"Deny","action":["cos:DeleteObject"],"resource":["qcs::cos:*:uid/*:*/photos/*"]}]}
            """);

        policy.IsAllowed("name/cos:GetObject", [Photos]).ShouldBeTrue();
        policy.IsAllowed("name/cos:DeleteObject", [Photos]).ShouldBeFalse();
        CamPolicy.Parse("""{"statement":[{"effect":"deny","action":"*","resource":"*"}]}""").IsAllowed("name/cos:GetObject", [Photos]).ShouldBeFalse();
    }

    [Fact]
    public void Any_name_of_the_resource_may_match()
    {
        var policy = CamPolicy.Parse("""{"statement":[{"effect":"allow","action":["name/cos:PutObject"],"resource":["qcs::cos:ap-beijing:uid/1253653367:prefix//1253653367/example/test/*"]}]}""");

        policy.IsAllowed("name/cos:PutObject", ["qcs::cos:ap-beijing:uid/1253653367:example-1253653367/test/a", "qcs::cos:ap-beijing:uid/1253653367:prefix//1253653367/example/test/a"]).ShouldBeTrue();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"statement":[]}""")]
    [InlineData("""{"statement":[{"effect":"maybe","action":"*","resource":"*"}]}""")]
    [InlineData("""{"statement":[{"effect":"allow","resource":"*"}]}""")]
    [InlineData("""{"statement":[{"effect":"allow","action":[],"resource":"*"}]}""")]
    [InlineData("""{"principal":{"qcs":["qcs::cam::uin/1:uin/2"]},"statement":[{"effect":"allow","action":"*","resource":"*"}]}""")]
    [InlineData("""{"statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.1"}}}]}""")]
    public void Malformed_or_unsupported_policies_are_a_FormatException(string json) =>
        Should.Throw<FormatException>(() => CamPolicy.Parse(json));
}
