using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;

namespace Cos.Generated.Backend.Tests;

public sealed class CosPolicyTests
{
    private const string Region = "ap-guangzhou";
    private const string Bucket = "examplebucket-1250000000";

    [Fact]
    public void A_key_prefix_policy_serializes_to_the_STS_policy_JSON()
    {
        var policy = CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject);

        policy.ToJson().ShouldBe(
            """{"version":"2.0","statement":[{"action":["name/cos:PutObject"],"effect":"allow","resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/photos/*"]}]}""");
    }

    [Fact]
    public void Statements_keep_their_order_effect_and_normalized_action_names()
    {
        var policy = CosPolicy.CreateBuilder()
            .Allow(["cos:GetObject", CosActions.HeadObject, "cos:GetObject"], [CosPolicyResources.KeyPrefix(Region, Bucket, string.Empty)])
            .Deny([CosActions.GetObject], [CosPolicyResources.Object(Region, Bucket, "private/key.txt")])
            .Build();

        policy.ToJson().ShouldBe(
            """{"version":"2.0","statement":[{"action":["name/cos:GetObject","name/cos:HeadObject"],"effect":"allow","resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"]},"""
            + """{"action":["name/cos:GetObject"],"effect":"deny","resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/private/key.txt"]}]}""");
        policy.Statements.Count.ShouldBe(2);
        policy.Statements[1].Effect.ShouldBe(CosPolicyEffect.Deny);
    }

    [Fact]
    public void The_upload_set_is_what_Tencents_guide_grants_for_uploads()
    {
        CosActions.Upload.ShouldBe(
        [
            "name/cos:PutObject", "name/cos:PostObject", "name/cos:InitiateMultipartUpload", "name/cos:ListMultipartUploads",
            "name/cos:ListParts", "name/cos:UploadPart", "name/cos:CompleteMultipartUpload", "name/cos:AbortMultipartUpload",
        ]);
    }

    [Theory]
    [InlineData("examplebucket", "photos/")]
    [InlineData("Example-1250000000", "photos/")]
    [InlineData("examplebucket-1250000000", "/photos/")]
    public void Malformed_buckets_and_prefixes_are_refused(string bucket, string prefix) =>
        Should.Throw<ArgumentException>(() => CosPolicyResources.KeyPrefix(Region, bucket, prefix));

    [Fact]
    public void Malformed_regions_actions_and_empty_policies_are_refused()
    {
        Should.Throw<ArgumentException>(() => CosPolicyResources.KeyPrefix("ap guangzhou", Bucket, "a/"));
        Should.Throw<ArgumentException>(() => CosPolicy.CreateBuilder().Allow(["PutObject"], ["*"]));
        Should.Throw<ArgumentException>(() => CosPolicy.CreateBuilder().Allow(["name/cos:PutObject"], ["cos:bucket/*"]));
        Should.Throw<ArgumentException>(() => CosPolicy.CreateBuilder().Allow([], ["*"]));
        Should.Throw<InvalidOperationException>(() => CosPolicy.CreateBuilder().Build());
    }

    [Fact]
    public void AppIdOf_reads_the_suffix_of_the_bucket_name() =>
        CosPolicyResources.AppIdOf("my-photos-1250000000").ShouldBe("1250000000");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(129601)]
    public void Durations_outside_what_STS_grants_are_refused(int seconds)
    {
        var request = new CosFederationTokenRequest { Policy = CosPolicy.AllowKeyPrefix(Region, Bucket, "a/", CosActions.PutObject), Duration = TimeSpan.FromSeconds(seconds) };
        Should.Throw<ArgumentOutOfRangeException>(request.Validate).ParamName.ShouldBe("Duration");
    }

    [Fact]
    public void Fractional_durations_and_odd_names_are_refused_and_the_limits_are_documented()
    {
        var policy = CosPolicy.AllowKeyPrefix(Region, Bucket, "a/", CosActions.PutObject);
        Should.Throw<ArgumentOutOfRangeException>(new CosFederationTokenRequest { Policy = policy, Duration = TimeSpan.FromSeconds(1.5) }.Validate);
        Should.Throw<ArgumentException>(new CosFederationTokenRequest { Policy = policy, Name = "has space" }.Validate);
        new CosFederationTokenRequest { Policy = policy, Duration = TimeSpan.FromSeconds(7200) }.Validate();
        CosFederationTokenRequest.DefaultDuration.ShouldBe(TimeSpan.FromSeconds(1800));
        CosFederationTokenRequest.MaxRootAccountDuration.ShouldBe(TimeSpan.FromSeconds(7200));
    }
}
