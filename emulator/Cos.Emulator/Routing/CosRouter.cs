using System.Text.RegularExpressions;
using Cos.Emulator.Errors;

namespace Cos.Emulator.Routing;

/// <summary>
/// Finds the bucket and key of a request from its Host and raw target: virtual-hosted
/// <c>{bucket}.cos.{region}.{suffix}</c> (or <c>{bucket}.cos.accelerate.{suffix}</c>), path-style
/// <c>cos.{region}.{suffix}/{bucket}/{key}</c>, the service host <c>service.cos.{suffix}</c>, and path-style
/// on any other host (an IP address or localhost).
/// </summary>
internal sealed partial class CosRouter(IReadOnlyList<string> hostSuffixes)
{
    public CosRoute Route(string host, string rawTarget)
    {
        host = StripPort(host).ToLowerInvariant().TrimEnd('.');
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? [] : ParseQuery(rawTarget[(queryStart + 1)..]);
        if (rawPath.Length == 0 || rawPath[0] != '/')
        {
            // Absolute-form targets (http://host/path) carry the path after the authority.
            if (Uri.TryCreate(rawPath, UriKind.Absolute, out var absolute))
            {
                rawPath = absolute.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
            }

            if (rawPath.Length == 0 || rawPath[0] != '/')
            {
                rawPath = "/" + rawPath;
            }
        }

        var path = Decode(rawPath);
        string? prefix = null;
        foreach (var suffix in hostSuffixes)
        {
            if (host.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                prefix = host[..^(suffix.Length + 1)];
                break;
            }
        }

        if (prefix is null)
        {
            // Any other host (127.0.0.1, localhost, a custom name): path-style without a region.
            return PathStyleRoute(host, path, query, region: null);
        }

        if (prefix == "service.cos")
        {
            return new CosRoute { Host = host, SignedPath = path, Query = query };
        }

        var match = VirtualHost().Match(prefix);
        if (match.Success)
        {
            var bucket = match.Groups["bucket"].Value;
            return new CosRoute
            {
                Bucket = bucket,
                Key = path[1..],
                Region = match.Groups["region"].Value,
                Host = host,
                SignedPath = path,
                Query = query,
            };
        }

        var service = RegionHost().Match(prefix);
        if (service.Success)
        {
            return PathStyleRoute(host, path, query, service.Groups["region"].Value);
        }

        throw new CosErrorException(400, "InvalidURI", $"The host '{host}' is not a COS endpoint ({{bucket}}.cos.{{region}}.{string.Join("|", hostSuffixes)}).");
    }

    private static CosRoute PathStyleRoute(string host, string path, IReadOnlyList<KeyValuePair<string, string>> query, string? region)
    {
        if (path == "/")
        {
            return new CosRoute { Host = host, SignedPath = path, Query = query, Region = region, PathStyle = true };
        }

        var slash = path.IndexOf('/', 1);
        var bucket = slash < 0 ? path[1..] : path[1..slash];
        var key = slash < 0 ? string.Empty : path[(slash + 1)..];
        return new CosRoute { Bucket = bucket, Key = key, Region = region, Host = host, SignedPath = path, Query = query, PathStyle = true };
    }

    /// <summary>Parses a raw query; names and values are percent-decoded (a <c>+</c> stays a plus).</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            pairs.Add(equals < 0
                ? new(Decode(part), string.Empty)
                : new(Decode(part[..equals]), Decode(part[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>Percent-decodes UTF-8; malformed escapes stay as they are.</summary>
    public static string Decode(string raw) => raw.Contains('%') ? Uri.UnescapeDataString(raw) : raw;

    /// <summary>True for a COS bucket name: <c>{name}-{appid}</c>, lower-case letters, digits and '-'.</summary>
    public static bool IsValidBucketName(string bucket) => BucketName().IsMatch(bucket) && bucket.Length <= 60;

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            return close < 0 ? host : host[..(close + 1)];
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 || host.IndexOf(':') != colon ? host : host[..colon];
    }

    [GeneratedRegex("^(?<bucket>[^.]+)\\.(?:cos|cos-internal|cos-website)\\.(?<region>[a-z0-9-]+)$")]
    private static partial Regex VirtualHost();

    [GeneratedRegex("^cos\\.(?<region>[a-z0-9-]+)$")]
    private static partial Regex RegionHost();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[0-9]+$")]
    private static partial Regex BucketName();
}
