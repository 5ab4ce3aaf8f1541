using Cos.Emulator.Errors;
using Cos.Generated;
using Cos.Generated.Protocol;

namespace Cos.Emulator.Routing;

/// <summary>
/// Chooses the operation of a request from the operation table generated from the spec (<see cref="CosOperations"/>):
/// the row with the request's method and path kind (service, bucket or object) whose sub-resources, required query
/// parameters and required headers the request all has; the most specific row wins (<c>?uploadId&amp;partNumber</c>
/// with <c>x-cos-copy-source</c> is UploadPartCopy, not UploadPart or PutObject).
/// </summary>
internal static class OperationSelector
{
    /// <summary>
    /// Sub-resources of COS the spec may not describe yet: a request for one gets 501 NotImplemented rather than another
    /// operation's answer (GET <c>/?cors</c> is not a listing). Those the table names are added to them.
    /// </summary>
    private static readonly string[] CosSubResources =
    [
        "acl", "cors", "policy", "lifecycle", "tagging", "versioning", "versions", "website", "referer", "logging",
        "inventory", "replication", "encryption", "domain", "origin", "accelerate", "intelligenttiering", "restore",
        "append", "select", "symlink", "object-lock", "retention", "notification", "requestPayment", "location",
        "objectlock", "rename", "fetch", "ci-process", "image_process", "uploadId-copy",
    ];

    /// <summary>The pseudo-operation of a CORS preflight (<c>OPTIONS</c>) that is not OptionsObject, answered by the CORS rules.</summary>
    public const string Preflight = "Preflight";

    /// <summary>The operation of a request, or a COS error: 501 for a sub-resource the spec does not serve, 405 for a method nothing takes.</summary>
    public static string Select(string method, CosRoute route, Func<string, bool> hasHeader) =>
        Select(CosOperations.All, method, route, hasHeader);

    internal static string Select(IReadOnlyList<CosOperation> table, string method, CosRoute route, Func<string, bool> hasHeader)
    {
        var discriminating = ReferenceEquals(table, CosOperations.All) ? Discriminating : DiscriminatingIn(table);
        method = method.ToUpperInvariant();

        CosOperation? best = null;
        var bestScore = -1;
        foreach (var row in table)
        {
            if (row.Method.Method != method || row.ServiceScope != route.IsService || (!row.ServiceScope && row.HasKey != route.HasKey))
            {
                continue;
            }

            if (!row.SubResources.All(s => s.Value is null ? route.Has(s.Key) : route.Get(s.Key) == s.Value)
                || !row.RequiredQuery.All(route.Has)
                || !row.RequiredHeaders.All(hasHeader))
            {
                continue;
            }

            var score = row.SubResources.Count + row.RequiredQuery.Count + row.RequiredHeaders.Count;
            if (score > bestScore)
            {
                (best, bestScore) = (row, score);
            }
        }

        // A sub-resource the chosen row does not take names another operation: one the spec does not serve (501), or a
        // served one with a missing part (PUT ?uploadId without partNumber).
        foreach (var (name, _) in route.Query)
        {
            if (!discriminating.Contains(name) || (best is not null && Consumes(best, name)))
            {
                continue;
            }

            if (table.Any(row => Consumes(row, name)))
            {
                throw CosErrors.InvalidArgument($"The query parameter '{name}' does not fit {method} {(route.HasKey ? "on an object" : "on a bucket")}: {Operations(table, name)} needs it with others.");
            }

            throw CosErrors.NotImplemented($"The sub-resource '?{name}'");
        }

        // An OPTIONS no row takes (OptionsObject needs Origin and Access-Control-Request-Method) is a preflight that
        // lacks them, or one at the bucket root: the CORS handler answers it.
        return best?.Name ?? (method == "OPTIONS" ? Preflight : throw CosErrors.MethodNotAllowed(method));
    }

    /// <summary>The query names that choose an operation: COS's sub-resources and the table's required parameters.</summary>
    private static readonly HashSet<string> Discriminating = DiscriminatingIn(CosOperations.All);

    private static HashSet<string> DiscriminatingIn(IReadOnlyList<CosOperation> table) =>
        [.. CosSubResources, .. table.SelectMany(row => row.SubResources.Select(s => s.Key).Concat(row.RequiredQuery))];

    private static bool Consumes(CosOperation row, string name) =>
        row.SubResources.Any(s => s.Key == name) || row.RequiredQuery.Contains(name);

    private static string Operations(IReadOnlyList<CosOperation> table, string name) =>
        string.Join(" or ", table.Where(row => Consumes(row, name)).Select(row => row.Name));
}
