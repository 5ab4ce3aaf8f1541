using System.Text.RegularExpressions;
using Cos.Generated;
using Cos.Generated.Protocol;

namespace Cos.Conformance.Tests;

/// <summary>
/// The operation table generated from the spec against the official Node SDK's <c>base.js</c> (cos-nodejs-sdk-v5, pinned
/// in tests/conformance/node): each row's CAM action, its resource (a listing's prefix, each key of a batch delete) and a
/// copy's source are what the SDK method the row names puts in its ScopeLimit <c>Scope</c>. An outside oracle: the client,
/// the emulator and the backend all read the table, so only another SDK can catch a wrong row.
/// </summary>
public sealed partial class OperationTableTests
{
    /// <summary>
    /// Where the official SDK is wrong and we are not: its deleteBucketEncryption sends the action of
    /// deleteBucketReplication (a copy-paste in base.js). Each entry must still be wrong there, or it goes.
    /// </summary>
    private static readonly Dictionary<string, string> KnownSdkMistakes = new(StringComparer.Ordinal)
    {
        ["deleteBucketEncryption"] = "name/cos:DeleteBucketReplication",
    };

    /// <summary>Operations that no method of the Node SDK sends (postBucketInventory exists only in cos-js-sdk-v5).</summary>
    private static readonly HashSet<string> NotInNodeSdk = new(StringComparer.Ordinal) { "PostBucketInventory" };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SdkMethods = new(ReadSdkMethods);

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var row in CosOperations.All)
        {
            data.Add(row.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_names_the_CAM_action_and_resource_the_Node_SDK_scopes_its_method_by(string operation)
    {
        var row = CosOperations.All.Single(o => o.Name == operation);
        if (NotInNodeSdk.Contains(operation))
        {
            row.JsSdkMethod.ShouldNotBeNull($"{operation} is sent by cos-js-sdk-v5; name its method in the spec ('jsSdk').");
            return;
        }

        row.JsSdkMethod.ShouldNotBeNull($"{operation} has no 'jsSdk' in the spec, so its CAM action is not checked against the official SDK.");
        SdkMethods.Value.ShouldContainKey(row.JsSdkMethod!, $"base.js has no function {row.JsSdkMethod}.");
        var body = SdkMethods.Value[row.JsSdkMethod!];

        var sdkActions = ActionPattern().Matches(body).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var ourActions = new List<string> { row.CamAction };
        if (row.CopySourceHeader is not null)
        {
            ourActions.Add(CosOperations.GetObject.CamAction);
        }

        if (KnownSdkMistakes.TryGetValue(row.JsSdkMethod!, out var mistake))
        {
            sdkActions.ShouldBe(new List<string> { mistake }, $"base.js's {row.JsSdkMethod} no longer sends {mistake}: drop it from KnownSdkMistakes.");
            return;
        }

        ourActions.Distinct().Order(StringComparer.Ordinal).ToList().ShouldBe(sdkActions, $"the CAM actions of {operation} ({row.JsSdkMethod} in base.js)");

        // A listing is scoped by its prefix (ResourceKey: reqParams['prefix']); a batch delete by every key it names.
        body.Contains("ResourceKey: reqParams['prefix']", StringComparison.Ordinal).ShouldBe(row.CamResourceQuery == "prefix", $"whether {operation} is scoped by its prefix");
        body.Contains("util.map(Objects", StringComparison.Ordinal).ShouldBe(row.CamEachKey, $"whether {operation} is scoped key by key");
    }

    [Fact]
    public void The_table_has_one_row_per_operation_and_a_method_of_the_Node_SDK_at_most_once()
    {
        CosOperations.All.Select(o => o.Name).ShouldBeUnique();
        CosOperations.All.Where(o => o.JsSdkMethod is not null).Select(o => o.JsSdkMethod).ShouldBeUnique();
    }

    /// <summary>base.js's top-level functions by name, each with its text up to the next one.</summary>
    private static IReadOnlyDictionary<string, string> ReadSdkMethods()
    {
        NodeScenarioRunner.EnsureInstalled();
        var text = File.ReadAllText(Path.Combine(NodeScenarioRunner.ScenarioDirectory, "node_modules", "cos-nodejs-sdk-v5", "sdk", "base.js"));
        var starts = FunctionPattern().Matches(text).ToList();
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            methods[starts[i].Groups[1].Value] = text[starts[i].Index..end];
        }

        return methods;
    }

    [GeneratedRegex(@"^function (\w+)\(", RegexOptions.Multiline)]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"[Aa]ction: '(name/cos:\w+)'")]
    private static partial Regex ActionPattern();
}
