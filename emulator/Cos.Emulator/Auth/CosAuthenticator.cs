using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cos.Emulator.Errors;
using Cos.Emulator.Routing;
using Cos.Emulator.Sts;
using Cos.Generated.Signing;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Auth;

/// <summary>
/// Verifies q-sign-algorithm=sha1 signatures from the <c>Authorization</c> header or presigned query
/// parameters, as COS does: known key, key-time window, listed headers and parameters present, and the
/// signature recomputed from exactly those.
/// </summary>
internal sealed class CosAuthenticator
{
    private readonly Dictionary<string, string> _permanent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TemporaryKey> _temporary = new(StringComparer.Ordinal);

    /// <summary>Temporary keys made to expire before their time (<see cref="ExpireSigningKey"/>), with when.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiredEarly = new(StringComparer.Ordinal);
    /// <summary>
    /// The most query parameters a request, and the most names a q-header-list or q-url-param-list, may have: far
    /// more than any COS request needs, few enough that checking a signature stays cheap.
    /// </summary>
    internal const int MaxSignedItems = 1000;

    private readonly TimeProvider _time;
    private readonly TimeSpan _maxSkew;

    /// <summary>Creates an authenticator judging time by <paramref name="clock"/> (default: <see cref="CosEmulatorOptions.TimeProvider"/>).</summary>
    public CosAuthenticator(CosEmulatorOptions options, TimeProvider? clock = null)
    {
        _permanent[options.SecretId] = options.SecretKey;
        foreach (var key in options.AdditionalKeys)
        {
            _permanent[key.SecretId] = key.SecretKey;
        }

        foreach (var key in options.TemporaryKeys)
        {
            _temporary[key.TmpSecretId] = key;
        }

        _time = clock ?? options.TimeProvider;
        _maxSkew = options.MaxClockSkew;
    }

    /// <summary>The temporary keys the emulator's STS issued; accepted like <see cref="CosEmulatorOptions.TemporaryKeys"/>.</summary>
    public IssuedKeys Issued { get; } = new();

    /// <summary>Whether the request carries a signature (an Authorization header or a presigned query), valid or not.</summary>
    public static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Query.ContainsKey("q-signature") || request.Query.ContainsKey("q-ak");

    /// <summary>
    /// Returns the SecretId that signed the request; throws a 403 otherwise, or a 400 InvalidArgument for a signed
    /// request with more than <see cref="MaxSignedItems"/> parameters or listed names.
    /// </summary>
    public string Authenticate(HttpRequest request, CosRoute route)
    {
        var header = request.Headers.Authorization.ToString();
        Dictionary<string, string> auth;
        bool presigned;
        if (header.Length > 0)
        {
            auth = ParseAuthorization(header);
            presigned = false;
        }
        else if (route.Has("q-signature") || route.Has("q-ak"))
        {
            auth = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in route.Query)
            {
                if (name.StartsWith("q-", StringComparison.Ordinal))
                {
                    auth[name] = value;
                }
            }

            presigned = true;
        }
        else
        {
            throw CosErrors.AccessDenied("Access Denied: the request is not signed and the bucket is private.");
        }

        // Bounded before any signature work: matching and signing over the request costs in proportion to these.
        if (route.Query.Count > MaxSignedItems)
        {
            throw CosErrors.InvalidArgument($"The request has {route.Query.Count} query parameters; at most {MaxSignedItems} are accepted.");
        }

        var algorithm = Get(auth, "q-sign-algorithm");
        if (!string.Equals(algorithm, "sha1", StringComparison.OrdinalIgnoreCase))
        {
            throw CosErrors.AccessDenied($"The signature algorithm '{algorithm}' is not supported: use q-sign-algorithm=sha1.");
        }

        var secretId = Get(auth, "q-ak");
        var keyTimeText = Get(auth, "q-key-time");
        var signTimeText = auth.GetValueOrDefault("q-sign-time") ?? keyTimeText;
        var signature = Get(auth, "q-signature");
        var headerList = auth.GetValueOrDefault("q-header-list") ?? string.Empty;
        var paramList = auth.GetValueOrDefault("q-url-param-list") ?? string.Empty;

        string secretKey;
        var token = request.Headers["x-cos-security-token"].ToString();
        if (token.Length == 0)
        {
            token = route.Get("x-cos-security-token") ?? string.Empty;
        }

        var now = _time.GetUtcNow();
        if (_permanent.TryGetValue(secretId, out var permanentKey))
        {
            secretKey = permanentKey;
        }
        else if (_temporary.TryGetValue(secretId, out var temporary) || (temporary = Issued.Find(secretId)?.Key) is not null)
        {
            if (token.Length == 0)
            {
                throw CosErrors.AccessDenied($"The temporary SecretId '{secretId}' needs its x-cos-security-token.");
            }

            if (!FixedTimeEquals(token, temporary.SecurityToken))
            {
                throw CosErrors.InvalidAccessKeyId($"The x-cos-security-token does not belong to the temporary SecretId '{secretId}'.");
            }

            var expiredTime = _expiredEarly.TryGetValue(secretId, out var early) && early < temporary.ExpiredTime ? early : temporary.ExpiredTime;
            if (now >= expiredTime)
            {
                throw CosErrors.AccessDenied($"The temporary key '{secretId}' and its security token expired at {expiredTime:O}.");
            }

            secretKey = temporary.TmpSecretKey;
        }
        else
        {
            throw CosErrors.InvalidAccessKeyId($"The SecretId '{secretId}' does not exist.");
        }

        var keyTime = ParseKeyTime("q-key-time", keyTimeText);
        ParseKeyTime("q-sign-time", signTimeText);

        CheckTime(keyTime, now, presigned);

        // Every listed header and parameter must be present; the HttpString is rebuilt from exactly those. Names are
        // looked up by their encoded lower-case form, each request name encoded once, so the work is linear.
        var listedHeaders = SplitList(headerList, "q-header-list");
        var listedParameters = SplitList(paramList, "q-url-param-list");
        var headers = new List<KeyValuePair<string, string?>>(listedHeaders.Count);
        var requestHeaders = HeadersByListedName(request);
        foreach (var name in listedHeaders)
        {
            var value = requestHeaders.GetValueOrDefault(name)
                ?? throw CosErrors.AccessDenied($"The header '{name}' listed in q-header-list is missing from the request.");
            headers.Add(new(name, value));
        }

        var query = new List<KeyValuePair<string, string?>>(listedParameters.Count);
        var parameters = ParametersByListedName(route);
        foreach (var name in listedParameters)
        {
            var parameter = parameters.TryGetValue(name, out var found)
                ? found
                : throw CosErrors.AccessDenied($"The query parameter '{name}' listed in q-url-param-list is missing from the request.");
            query.Add(new(parameter.Key, parameter.Value));
        }

        var httpString = CosSigner.CreateHttpString(request.Method, route.SignedPath, query.ToArray(), headers.ToArray());
        var stringToSign = CosSigner.CreateStringToSign(keyTime, httpString);
        var expected = CosSigner.CreateSignature(CosSigner.CreateSignKey(secretKey, keyTime), stringToSign);
        if (!FixedTimeEquals(expected, signature.ToLowerInvariant()))
        {
            throw CosErrors.SignatureDoesNotMatch(stringToSign, httpString);
        }

        return secretId;
    }

    /// <summary>
    /// Makes the temporary key that signed <paramref name="request"/> expire now, as if its validity had run out
    /// early (<see cref="Faults.FaultRule.ExpireCredentials"/>); requests signed with a permanent key or not at all are left alone.
    /// </summary>
    internal void ExpireSigningKey(HttpRequest request, CosRoute route)
    {
        var header = request.Headers.Authorization.ToString();
        var secretId = header.Length > 0 ? ParseAuthorization(header).GetValueOrDefault("q-ak") : route.Get("q-ak");
        if (secretId is not null && (_temporary.ContainsKey(secretId) || Issued.Find(secretId) is not null))
        {
            _expiredEarly.TryAdd(secretId, _time.GetUtcNow());
        }
    }

    private void CheckTime(CosKeyTime keyTime, DateTimeOffset now, bool presigned)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        var skew = (long)_maxSkew.TotalSeconds;
        if (keyTime.Start > nowSeconds + skew)
        {
            throw CosErrors.RequestTimeTooSkewed(
                $"The difference between the request time and the server's time is too large: the signature starts at {Format(keyTime.Start)}, the server time is {Format(nowSeconds)}.");
        }

        // A header signature is made when the request is sent, so a start far in the past means the client's
        // clock is off; a presigned URL may simply be old, and then it has expired.
        if (!presigned && keyTime.Start < nowSeconds - skew && keyTime.End < nowSeconds)
        {
            throw CosErrors.RequestTimeTooSkewed(
                $"The difference between the request time and the server's time is too large: the signature starts at {Format(keyTime.Start)}, the server time is {Format(nowSeconds)}.");
        }

        if (nowSeconds > keyTime.End || keyTime.End < keyTime.Start)
        {
            throw CosErrors.AccessDenied($"Request has expired: the signature was valid until {Format(keyTime.End)}, the server time is {Format(nowSeconds)}.");
        }
    }

    /// <summary>The last second a date can name (the end of year 9999); later key times are refused rather than compared.</summary>
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static CosKeyTime ParseKeyTime(string name, string text)
    {
        CosKeyTime keyTime;
        try
        {
            keyTime = CosKeyTime.Parse(text);
        }
        catch (FormatException)
        {
            throw CosErrors.AccessDenied($"{name} '{text}' is not of the form start;end.");
        }

        if (keyTime.Start > MaxUnixSeconds || keyTime.End > MaxUnixSeconds)
        {
            throw CosErrors.AccessDenied($"{name} '{text}' is out of range: its times are Unix seconds up to {MaxUnixSeconds} (the end of year 9999).");
        }

        return keyTime;
    }

    private static string Format(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The request's headers by the name a q-header-list gives them (URL-encoded, lower-case); Host as sent.</summary>
    private static Dictionary<string, string> HeadersByListedName(HttpRequest request)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            byName.TryAdd(CosUrlEncoding.Encode(name).ToLowerInvariant(), values.ToString());
        }

        byName.Remove("host");
        if (request.Headers.Host.ToString() is { Length: > 0 } host)
        {
            byName["host"] = host;
        }

        return byName;
    }

    /// <summary>The query's parameters by the name a q-url-param-list gives them (URL-encoded, lower-case); the first of repeated names.</summary>
    private static Dictionary<string, KeyValuePair<string, string>> ParametersByListedName(CosRoute route)
    {
        var byName = new Dictionary<string, KeyValuePair<string, string>>(route.Query.Count, StringComparer.Ordinal);
        foreach (var parameter in route.Query)
        {
            byName.TryAdd(CosUrlEncoding.Encode(parameter.Key).ToLowerInvariant(), parameter);
        }

        return byName;
    }

    private static List<string> SplitList(string list, string name)
    {
        var names = Uri.UnescapeDataString(list).Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (names.Length > MaxSignedItems)
        {
            throw CosErrors.InvalidArgument($"{name} names {names.Length} entries; at most {MaxSignedItems} are accepted.");
        }

        return [.. names.Select(n => n.ToLowerInvariant())];
    }

    private static string Get(Dictionary<string, string> auth, string name) =>
        auth.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw CosErrors.AccessDenied($"The Authorization is missing {name}.");

    public static Dictionary<string, string> ParseAuthorization(string authorization)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization.Trim().Split('&'))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                result[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return result;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
