using System.Text.RegularExpressions;
using Cos.Generated.Backend.Contracts;
using Cos.Generated.Signing;

namespace Cos.Generated.Backend.Browser;

/// <summary>
/// Signs a browser's request on its behalf (cos-js-sdk-v5 <c>getAuthorization</c>, format 2): the browser posts
/// <c>{method, pathname, query, headers}</c> (<see cref="CosSignRequest"/>), the backend answers
/// <c>{authorization, securityToken}</c> (<see cref="CosSignResponse"/>). Before signing it checks the method, the key
/// (under an allowed prefix, no <c>..</c>; a listing's <c>prefix</c>), the bucket in the signed Host, the query parameters and ACL headers;
/// anything else is refused with <see cref="CosSignRefusedException"/>. Thread-safe.
/// </summary>
public sealed partial class CosBrowserSigner
{
    private readonly CosBrowserSignerOptions _options;
    private readonly HashSet<string> _methods;
    private readonly HashSet<string> _buckets;
    private readonly HashSet<string> _queryNames;

    /// <summary>Creates a signer.</summary>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public CosBrowserSigner(CosBrowserSignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _methods = new HashSet<string>(options.AllowedMethods.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
        _buckets = new HashSet<string>(options.AllowedBuckets, StringComparer.Ordinal);
        _queryNames = new HashSet<string>(options.AllowedQueryParameters, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Checks the request against the allow-lists and signs it.</summary>
    /// <exception cref="CosSignRefusedException">The request is not allowed; answer 403.</exception>
    /// <exception cref="InvalidOperationException">The signer's temporary key has expired.</exception>
    public CosSignResponse Sign(CosSignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = (request.Method ?? string.Empty).Trim().ToUpperInvariant();
        if (method.Length == 0 || !_methods.Contains(method))
        {
            throw Refuse(CosSignRefusal.MethodNotAllowed, $"The method '{request.Method}' is not allowed.");
        }

        var pathname = request.Pathname ?? string.Empty;
        if (!pathname.StartsWith('/'))
        {
            pathname = "/" + pathname;
        }

        var query = new List<KeyValuePair<string, string?>>();
        string? listPrefix = null;
        foreach (var (name, value) in request.Query ?? [])
        {
            if (!_queryNames.Contains(name))
            {
                throw Refuse(CosSignRefusal.QueryNotAllowed, $"The query parameter '{name}' is not allowed.");
            }

            if (string.Equals(name, "prefix", StringComparison.OrdinalIgnoreCase))
            {
                listPrefix = value;
            }

            query.Add(new(name, value));
        }

        // A listing (GET /) is a request on its prefix: a browser may list the part of the bucket it may write.
        var key = pathname[1..];
        CheckKey(key.Length == 0 && method == "GET" && !string.IsNullOrEmpty(listPrefix) ? listPrefix : key);

        var headers = new List<KeyValuePair<string, string?>>();
        string? host = null;
        foreach (var (name, value) in request.Headers ?? [])
        {
            if (!_options.AllowAclHeaders && IsAclHeader(name))
            {
                throw Refuse(CosSignRefusal.HeaderNotAllowed, $"The header '{name}' sets an ACL, which is not allowed.");
            }

            if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                host = value.Trim();
            }

            headers.Add(new(name, value));
        }

        if (_buckets.Count > 0)
        {
            if (host is not null)
            {
                CheckHost(host);
            }
            else if (_buckets.Count == 1 && _options.Region is { } region)
            {
                // Sign the one allowed bucket's Host: the signature then works only there.
                headers.Add(new("Host", $"{_buckets.First()}.cos.{region}.{_options.HostSuffixes[0]}"));
            }
            else
            {
                throw Refuse(CosSignRefusal.HostRequired, "Sign the Host header: without it the signature would be valid for any bucket.");
            }
        }

        var credentials = _options.Credentials;
        var keyTime = CosKeyTime.FromNow(_options.TimeProvider.GetUtcNow(), _options.Expires);
        if (credentials.ExpiredTime is { } expiredTime)
        {
            var end = Math.Min(keyTime.End, expiredTime.ToUnixTimeSeconds());
            if (end <= keyTime.Start)
            {
                throw new InvalidOperationException($"The signer's temporary key {credentials.SecretId} expired at {expiredTime:O}: give the signer fresh credentials.");
            }

            keyTime = keyTime with { End = end };
        }

        var authorization = CosSigner.GetAuthorization(credentials.SecretId, credentials.SecretKey, method, pathname, query.ToArray(), headers.ToArray(), keyTime);
        return new CosSignResponse { Authorization = authorization, SecurityToken = credentials.SecurityToken };
    }

    /// <summary>The key, raw and percent-decoded, must have no dot segments or control characters and start with an allowed prefix.</summary>
    private void CheckKey(string key)
    {
        string decoded;
        try
        {
            decoded = key.Contains('%') ? Uri.UnescapeDataString(key) : key;
        }
        catch (UriFormatException)
        {
            throw Refuse(CosSignRefusal.InvalidPath, "The pathname is not valid percent-encoding.");
        }

        string[] forms = key == decoded ? [key] : [key, decoded];
        foreach (var form in forms)
        {
            if (form.Any(char.IsControl))
            {
                throw Refuse(CosSignRefusal.InvalidPath, "The pathname contains control characters.");
            }

            if (form.Split('/', '\\').Any(segment => segment is "." or ".."))
            {
                throw Refuse(CosSignRefusal.InvalidPath, $"The pathname '/{key}' has a '.' or '..' segment.");
            }
        }

        foreach (var form in forms)
        {
            if (!_options.AllowedKeyPrefixes.Any(prefix => form.StartsWith(prefix, StringComparison.Ordinal)))
            {
                throw Refuse(CosSignRefusal.KeyNotAllowed, $"The key '{key}' is not under an allowed prefix.");
            }
        }
    }

    private void CheckHost(string host)
    {
        var colon = host.LastIndexOf(':');
        var name = (colon > 0 ? host[..colon] : host).ToLowerInvariant().TrimEnd('.');
        var suffix = _options.HostSuffixes.FirstOrDefault(s => name.EndsWith("." + s.ToLowerInvariant(), StringComparison.Ordinal));
        var match = suffix is null ? null : BucketHost().Match(name[..^(suffix.Length + 1)]);
        if (match is not { Success: true })
        {
            throw Refuse(CosSignRefusal.BucketNotAllowed, $"The Host '{host}' is not a COS bucket host ({{bucket}}.cos.{{region}}.{string.Join("|", _options.HostSuffixes)}).");
        }

        var bucket = match.Groups["bucket"].Value;
        var region = match.Groups["region"].Value;
        if (!_buckets.Contains(bucket))
        {
            throw Refuse(CosSignRefusal.BucketNotAllowed, $"The bucket '{bucket}' is not allowed.");
        }

        if (_options.Region is { } allowed && region != allowed && region != "accelerate")
        {
            throw Refuse(CosSignRefusal.BucketNotAllowed, $"The region '{region}' is not allowed (expected {allowed}).");
        }
    }

    private static bool IsAclHeader(string name) =>
        name.Equals("x-cos-acl", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-cos-grant-", StringComparison.OrdinalIgnoreCase);

    private static CosSignRefusedException Refuse(CosSignRefusal reason, string message) => new(reason, message);

    /// <summary>A bucket host without its domain suffix: <c>{bucket}.cos.{region}</c>.</summary>
    [GeneratedRegex("^(?<bucket>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\\.cos\\.(?<region>[a-z0-9-]+)$")]
    private static partial Regex BucketHost();
}
