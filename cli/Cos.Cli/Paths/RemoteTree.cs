using Cos.Generated;

namespace Cos.Cli.Paths;

/// <summary>The objects under a <c>cos://</c> prefix, by their key relative to it.</summary>
internal static class RemoteTree
{
    /// <summary>
    /// Every object under <paramref name="root"/> taken as a prefix (<c>cos://b/dir</c> means <c>dir/</c>), with
    /// <paramref name="filter"/> applied to the relative key; "directory" markers (keys ending in <c>/</c>) are left out.
    /// </summary>
    public static async Task<IReadOnlyList<(string Relative, ObjectSummary Item)>> ListAsync(CosClient client, CosUri root, PathFilter filter, CancellationToken cancellationToken)
    {
        var prefix = root.AsPrefix;
        var found = new List<(string, ObjectSummary)>();
        var request = new GetBucketRequest { Bucket = root.Bucket, Prefix = prefix.Length == 0 ? null : prefix };
        await foreach (var item in client.EnumerateObjectsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var relative = item.Key![prefix.Length..];
            if (relative.Length > 0 && relative[^1] != '/' && filter.Matches(relative))
            {
                found.Add((relative, item));
            }
        }

        return found;
    }
}
