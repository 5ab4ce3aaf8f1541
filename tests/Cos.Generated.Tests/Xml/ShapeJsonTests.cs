using System.Text;
using System.Text.Json;
using Cos.Generated.Protocol;

namespace Cos.Generated.Tests.Xml;

/// <summary>The shapes read and written as JSON (the bucket policy), against documents written out by hand.</summary>
public sealed class ShapeJsonTests
{
    [Fact]
    public void A_policy_round_trips_through_its_json()
    {
        using var condition = JsonDocument.Parse("""{"string_equal":{"cos:prefix":"photos/"}}""");
        var policy = new BucketPolicy
        {
            Version = "2.0",
            Statement =
            [
                new PolicyStatement { Effect = PolicyEffect.Deny, Action = ["name/cos:*"], Condition = condition.RootElement },
                new PolicyStatement { Effect = PolicyEffect.Allow, Principal = new PolicyPrincipal { Qcs = ["qcs::cam::anyone:anyone"] } },
            ],
        };

        var (body, md5) = CosRequestBody.FromJson(policy, BucketPolicyJson.Write);
        var json = Encoding.UTF8.GetString(ShapeXmlTests.BodyBytes(body));

        // Lists a statement does not set are written empty: COS takes [] as "none".
        json.ShouldBe("""{"version":"2.0","Statement":[{"Effect":"deny","Action":["name/cos:*"],"Resource":[],"Condition":{"string_equal":{"cos:prefix":"photos/"}}},{"Principal":{"qcs":["qcs::cam::anyone:anyone"]},"Effect":"allow","Action":[],"Resource":[]}]}""");
        md5.ShouldBe(Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(json))));

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var back = BucketPolicyJson.Read(ref reader);
        back.Version.ShouldBe("2.0");
        back.Statement.Count.ShouldBe(2);
        back.Statement[0].Condition!.Value.GetRawText().ShouldBe("""{"string_equal":{"cos:prefix":"photos/"}}""");
        back.Statement[1].Principal!.Qcs.ShouldBe(["qcs::cam::anyone:anyone"]);
    }

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"allow","Action":null}],"version":null}""")]
    [InlineData("""{"Statement":[{"Effect":"allow","Future":{"a":[1,2,{"b":3}]}}]}""")]
    public void Nulls_are_absent_and_unknown_properties_are_skipped(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var policy = BucketPolicyJson.Read(ref reader);

        policy.Version.ShouldBeNull();
        policy.Statement.ShouldHaveSingleItem().Action.ShouldBeEmpty();
    }
}
