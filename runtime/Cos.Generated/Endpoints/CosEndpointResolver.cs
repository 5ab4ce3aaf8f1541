using System.Text;
using Cos.Generated.Protocol;
using Cos.Generated.Signing;

namespace Cos.Generated.Endpoints;

/// <summary>
/// Builds request URIs the way the JavaScript SDK's <c>getUrl</c> does: virtual-hosted bucket hosts,
/// legacy regions, global acceleration, <see cref="CosClientOptions.Domain"/> templates, path style and
/// the service endpoint.
/// </summary>
internal sealed class CosEndpointResolver
{
    private static readonly HashSet<string> LegacyRegions = new(StringComparer.Ordinal)
    {
        "cn-south", "cn-south-2", "cn-north", "cn-east", "cn-southwest", "sg",
    };

    private static readonly UriCreationOptions ExactUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly CosClientOptions _options;
    private readonly string _scheme;

    public CosEndpointResolver(CosClientOptions options)
    {
        _options = options;
        _scheme = options.Scheme;
    }

    /// <summary>Resolves the endpoint of <paramref name="request"/>.</summary>
    public CosEndpoint Resolve(CosHttpRequest request) =>
        request.ServiceScope
            ? ResolveService(request.Region, request.Query)
            : ResolveBucket(request.Bucket, request.Region ?? _options.Region, request.Key, request.Query);

    /// <summary>
    /// Resolves a bucket-level (<paramref name="key"/> null) or object-level request.
    /// Query names and values are raw; a null value is a bare sub-resource.
    /// </summary>
    public CosEndpoint ResolveBucket(string? bucket, string? region, string? key, IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        CosNames.CheckBucket(bucket, "Bucket");
        if (key is { Length: 0 })
        {
            throw new ArgumentException("The object key cannot be empty.", "Key");
        }

        var template = _options.Domain;
        if (template is null || ContainsPlaceholder(template, "Region"))
        {
            CosNames.CheckRegion(region, "Region");
        }
        else if (region is not null)
        {
            CosNames.CheckRegion(region, "Region");
        }

        if (template is null)
        {
            if (_options.UseAccelerate)
            {
                region = "accelerate";
            }

            template = LegacyRegions.Contains(region!) ? "{Region}.myqcloud.com" : "cos.{Region}.myqcloud.com";
            if (!_options.ForcePathStyle)
            {
                template = "{Bucket}." + template;
            }
        }

        var dash = bucket!.LastIndexOf('-');
        var shortName = bucket[..dash];
        var appId = bucket[(dash + 1)..];
        var origin = ExpandTemplate(template, name => name switch
        {
            "bucket" => bucket,
            "bucketname" => shortName,
            "appid" => appId,
            "region" => region,
            _ => null,
        }, legacy: name => name switch
        {
            "bucket" => shortName,
            "appid" => appId,
            "region" => region,
            _ => null,
        });

        var url = new StringBuilder(origin);
        if (_options.ForcePathStyle)
        {
            url.Append('/').Append(bucket);
        }

        url.Append('/');
        if (key is not null)
        {
            url.Append(CosUrlEncoding.EncodePath(key));
        }

        AppendQuery(url, query);
        var pathname = _options.ForcePathStyle ? "/" + bucket + "/" + (key ?? string.Empty) : "/" + (key ?? string.Empty);
        return Create(url.ToString(), pathname, "Domain");
    }

    /// <summary>The default bucket domain, which <see cref="CosClientOptions.AutoSwitchHost"/> switches away from.</summary>
    internal const string DefaultDomain = ".myqcloud.com";

    /// <summary>The backup domain of <see cref="CosClientOptions.AutoSwitchHost"/>.</summary>
    internal const string BackupDomain = ".tencentcos.cn";

    /// <summary>
    /// The twin of <paramref name="endpoint"/> on the backup domain (<c>{Bucket}.cos.{Region}.tencentcos.cn</c>), same
    /// path and query, when <see cref="CosClientOptions.AutoSwitchHost"/> may switch to it: the endpoint is the default
    /// virtual-hosted bucket host (not accelerated, not a legacy region, no <see cref="CosClientOptions.Domain"/>, no path
    /// style) and <see cref="CosClientOptions.ConnectTo"/> is not set. Otherwise null.
    /// </summary>
    public CosEndpoint? BackupOf(CosEndpoint endpoint)
    {
        if (!_options.AutoSwitchHost || _options.Domain is not null || _options.ForcePathStyle || _options.UseAccelerate || _options.ConnectTo is not null)
        {
            return null;
        }

        var host = endpoint.Host;
        var labels = host.Split('.');
        if (labels.Length != 5 || labels[1] != "cos" || labels[2] == "accelerate" || !host.EndsWith(DefaultDomain, StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = endpoint.Uri.Scheme + "://" + host;
        var url = endpoint.Uri.OriginalString;
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var backupHost = host[..^DefaultDomain.Length] + BackupDomain;
        return Create(endpoint.Uri.Scheme + "://" + backupHost + url[prefix.Length..], endpoint.Pathname, "Region");
    }

    /// <summary>Resolves a service-level request (GetService).</summary>
    public CosEndpoint ResolveService(string? region, IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        if (region is not null)
        {
            CosNames.CheckRegion(region, "Region");
        }

        string origin;
        if (_options.ServiceDomain is { } serviceDomain)
        {
            origin = ExpandTemplate(serviceDomain, name => name == "region" ? region : null, legacy: name => name == "region" ? region : null);
        }
        else
        {
            origin = region is null ? $"{_scheme}://service.cos.myqcloud.com" : $"{_scheme}://cos.{region}.myqcloud.com";
        }

        var url = new StringBuilder(origin).Append('/');
        AppendQuery(url, query);
        return Create(url.ToString(), "/", "ServiceDomain");
    }

    /// <summary>
    /// Replaces <c>{{Name}}</c> (with <paramref name="legacy"/>) and <c>{Name}</c> placeholders
    /// case-insensitively, drops unknown ones, adds the scheme when missing, trims trailing <c>/</c>.
    /// </summary>
    private string ExpandTemplate(string template, Func<string, string?> current, Func<string, string?> legacy)
    {
        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{')
            {
                var isLegacy = i + 1 < template.Length && template[i + 1] == '{';
                var close = template.IndexOf(isLegacy ? "}}" : "}", i, StringComparison.Ordinal);
                if (close > i)
                {
                    var nameStart = i + (isLegacy ? 2 : 1);
                    var name = template[nameStart..close].ToLowerInvariant();
                    result.Append((isLegacy ? legacy(name) : current(name)) ?? string.Empty);
                    i = close + (isLegacy ? 2 : 1);
                    continue;
                }
            }

            result.Append(c);
            i++;
        }

        var text = result.ToString();
        if (!HasScheme(text))
        {
            text = _scheme + "://" + text;
        }

        return text.TrimEnd('/');
    }

    private static bool HasScheme(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        for (var i = 0; i < separator; i++)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsPlaceholder(string template, string name) =>
        template.Contains("{" + name + "}", StringComparison.OrdinalIgnoreCase);

    /// <summary>Appends <c>?name=value&amp;…</c>, RFC 3986-encoded; a null value is a bare <c>name</c>.</summary>
    internal static void AppendQuery(StringBuilder url, IReadOnlyList<KeyValuePair<string, string?>> query, char firstSeparator = '?')
    {
        for (var i = 0; i < query.Count; i++)
        {
            var (name, value) = query[i];
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A query parameter has an empty name.", nameof(query));
            }

            url.Append(i == 0 ? firstSeparator : '&').Append(CosUrlEncoding.Encode(name));
            if (value is not null)
            {
                url.Append('=').Append(CosUrlEncoding.Encode(value));
            }
        }
    }

    /// <summary>Creates a URI that keeps the path and query exactly as written (no dot-segment removal, no unescaping).</summary>
    internal static Uri CreateExactUri(string url) => new(url, in ExactUri);

    private static CosEndpoint Create(string url, string pathname, string optionName)
    {
        if (!Uri.TryCreate(url, in ExactUri, out var uri) || !uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"The endpoint '{url}' is not a valid http(s) URL; check {optionName}, the bucket and the region.", optionName);
        }

        var hostName = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && !hostName.StartsWith('['))
        {
            hostName = "[" + hostName + "]";
        }

        var host = uri.IsDefaultPort ? hostName : hostName + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CosEndpoint(uri, host, pathname);
    }
}
