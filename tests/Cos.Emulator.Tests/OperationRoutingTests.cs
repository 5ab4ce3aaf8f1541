using Cos.Emulator.Errors;
using Cos.Emulator.Routing;
using Cos.Generated;
using Cos.Generated.Protocol;

namespace Cos.Emulator.Tests;

/// <summary>
/// The emulator routes by the operation table generated from the spec: every row is chosen for the smallest request
/// that has what the row needs, so a new operation in the spec is routed (or its route is ambiguous and this fails).
/// </summary>
public sealed class OperationRoutingTests
{
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
    public void Each_operation_is_chosen_for_a_request_with_exactly_what_its_row_needs(string operation)
    {
        var row = CosOperations.All.Single(o => o.Name == operation);
        var query = row.SubResources.Select(s => new KeyValuePair<string, string>(s.Key, s.Value ?? string.Empty))
            .Concat(row.RequiredQuery.Select(q => new KeyValuePair<string, string>(q, "1")))
            .ToList();
        var route = new CosRoute
        {
            Bucket = row.ServiceScope ? null : "examplebucket-1250000000",
            Key = row.HasKey ? "photos/a.jpg" : string.Empty,
            SignedPath = row.HasKey ? "/photos/a.jpg" : "/",
            Query = query,
            Host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com",
        };

        OperationSelector.Select(row.Method.Method, route, header => row.RequiredHeaders.Contains(header, StringComparer.OrdinalIgnoreCase)).ShouldBe(operation);
    }

    [Fact]
    public void No_two_rows_need_the_same_things()
    {
        Ambiguous(CosOperations.All).ShouldBeEmpty();

        // The check itself: two rows a request cannot tell apart are reported.
        CosOperation Row(string name) => new() { Name = name, Method = HttpMethod.Get, Safety = CosOperationSafety.ReadOnly, HasKey = true, CamAction = "name/cos:" + name };
        Ambiguous([Row("A"), Row("B"), CosOperations.ListParts]).ShouldBe(["A and B"]);
    }

    /// <summary>Pairs of rows with the same method, path kind, sub-resources, required query and required headers.</summary>
    private static List<string> Ambiguous(IReadOnlyList<CosOperation> table) =>
        table.GroupBy(row => string.Join("|",
                row.Method.Method,
                row.ServiceScope ? "service" : row.HasKey ? "object" : "bucket",
                string.Join(",", row.SubResources.Select(s => $"{s.Key}={s.Value}").Order(StringComparer.Ordinal)),
                string.Join(",", row.RequiredQuery.Order(StringComparer.Ordinal)),
                string.Join(",", row.RequiredHeaders.Order(StringComparer.Ordinal))))
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" and ", group.Select(row => row.Name)))
            .ToList();

    [Theory]
    [InlineData("PUT", "uploadId", "InvalidArgument")]
    [InlineData("GET", "nosuchthing-but-cors", null)]
    [InlineData("GET", "intelligenttiering", "NotImplemented")]
    [InlineData("PATCH", null, "MethodNotAllowed")]
    public void A_request_no_row_takes_gets_a_COS_error(string method, string? sub, string? code)
    {
        var route = new CosRoute
        {
            Bucket = "examplebucket-1250000000",
            Key = "k",
            SignedPath = "/k",
            Query = sub is null ? [] : [new(sub, string.Empty)],
            Host = "h",
        };
        if (code is null)
        {
            // Not a COS sub-resource: an ordinary parameter of GetObject.
            OperationSelector.Select(method, route, _ => false).ShouldBe("GetObject");
            return;
        }

        Should.Throw<CosErrorException>(() => OperationSelector.Select(method, route, _ => false)).Code.ShouldBe(code);
    }
}
