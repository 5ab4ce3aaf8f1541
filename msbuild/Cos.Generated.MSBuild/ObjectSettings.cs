using System.Globalization;
using Cos.Generated.Transfer;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Parses the task's ACL, tag, encryption and traffic limit parameters (and the <c>Acl</c>/<c>Tags</c> item metadata)
/// into the SDK's types, with COS's limits checked before anything is sent. Problems are returned in words for COS002.
/// </summary>
internal static class ObjectSettings
{
    /// <summary>COS's canned ACLs of an object.</summary>
    public static readonly IReadOnlyList<string> CannedAcls = ["default", "private", "public-read", "authenticated-read", "bucket-owner-read", "bucket-owner-full-control"];

    private const int MaxTags = 10, MaxTagKey = 128, MaxTagValue = 256;

    /// <summary>A canned ACL (case-insensitive); null for blank; a problem for anything else.</summary>
    public static ObjectAcl? ParseAcl(string? value, string where, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var canned = CannedAcls.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (canned is null)
        {
            problem = $"{where} '{value}' is not a canned ACL of an object ({string.Join(", ", CannedAcls)}).";
            return null;
        }

        return new ObjectAcl(canned);
    }

    /// <summary>
    /// Tags from <c>key=value</c> entries (a value may contain <c>=</c>; later entries win), merged over
    /// <paramref name="basis"/>, checked against COS's limits: at most 10, keys of 1 to 128 characters, values of at most 256.
    /// </summary>
    public static Dictionary<string, string>? ParseTags(IEnumerable<string> entries, IReadOnlyDictionary<string, string>? basis, string where, out string? problem)
    {
        problem = null;
        var tags = new Dictionary<string, string>(basis ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? entry[..equals].Trim() : string.Empty;
            if (key.Length == 0)
            {
                problem = $"{where} entry '{entry}' is not key=value.";
                return null;
            }

            var value = entry[(equals + 1)..].Trim();
            if (key.Length > MaxTagKey || value.Length > MaxTagValue)
            {
                problem = $"{where}: the tag '{key}' is too long (keys are 1 to {MaxTagKey} characters, values at most {MaxTagValue}).";
                return null;
            }

            tags[key] = value;
        }

        if (tags.Count > MaxTags)
        {
            problem = $"{where}: an object has at most {MaxTags} tags; these are {tags.Count}.";
            return null;
        }

        return tags;
    }

    /// <summary>SSE-COS (<c>AES256</c>) or SSE-KMS (<c>cos/kms</c>, with an optional key id); null for blank.</summary>
    public static CosServerSideEncryption? ParseEncryption(string? algorithm, string? kmsKeyId, out string? problem)
    {
        problem = null;
        var name = string.IsNullOrWhiteSpace(algorithm) ? null : algorithm.Trim();
        var keyId = string.IsNullOrWhiteSpace(kmsKeyId) ? null : kmsKeyId.Trim();
        if (name is null)
        {
            if (keyId is not null)
            {
                problem = "KmsKeyId is set but ServerSideEncryption is not: set ServerSideEncryption to cos/kms.";
            }

            return null;
        }

        if (string.Equals(name, "AES256", StringComparison.OrdinalIgnoreCase))
        {
            if (keyId is not null)
            {
                problem = "KmsKeyId is for ServerSideEncryption cos/kms, not AES256.";
                return null;
            }

            return CosServerSideEncryption.SseCos;
        }

        if (string.Equals(name, "cos/kms", StringComparison.OrdinalIgnoreCase))
        {
            return CosServerSideEncryption.SseKms(keyId);
        }

        problem = $"ServerSideEncryption '{name}' must be AES256 (SSE-COS) or cos/kms (SSE-KMS). SSE-C is not offered in MSBuild: its key would be recorded in binlogs.";
        return null;
    }

    /// <summary>The traffic limit in bit/s (819200 to 838860800); null for 0.</summary>
    public static long? ParseTrafficLimit(long value, out string? problem)
    {
        problem = null;
        if (value == 0)
        {
            return null;
        }

        if (value is < 819200 or > 838860800)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"TrafficLimit must be from 819200 to 838860800 bit/s (100 KB/s to 100 MB/s), or 0 for none; it is {value}.");
            return null;
        }

        return value;
    }
}
