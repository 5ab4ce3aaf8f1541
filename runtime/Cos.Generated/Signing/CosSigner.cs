using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Cos.Generated.Signing;

/// <summary>
/// Computes the COS <c>Authorization</c> value (q-sign-algorithm=sha1, cos-protocol.md §3): the .NET
/// counterpart of the JavaScript SDK's static <c>COS.getAuthorization</c>. Pure apart from a cache of the
/// last derived sign key: the same inputs give the same string. A signature allocates only its result
/// (SHA-1 and HMAC run on stack buffers, see <see cref="Sha1"/>).
/// </summary>
public static class CosSigner
{
    private const string AlgorithmPrefix = "q-sign-algorithm=sha1&q-ak=";
    private const string SignTimePrefix = "&q-sign-time=";
    private const string KeyTimePrefix = "&q-key-time=";
    private const string HeaderListPrefix = "&q-header-list=";
    private const string UrlParamListPrefix = "&q-url-param-list=";
    private const string SignaturePrefix = "&q-signature=";

    private const int StackHttpString = 512;
    private const int StackNames = 128;
    private const int StackPairs = 16;

    /// <summary>
    /// Signs a request. <paramref name="pathname"/> is the raw (not URL-encoded) path, normally
    /// <c>"/" + key</c>; <paramref name="query"/> and <paramref name="headers"/> are raw names and values.
    /// Headers that COS does not sign (and empty ones, which the SDK sends unsigned) are ignored, so all
    /// request headers may be passed.
    /// </summary>
    public static string GetAuthorization(
        string secretId,
        string secretKey,
        string method,
        string pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers,
        CosKeyTime keyTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathname);
        return Sign(secretId, secretKey, method, pathname, query, headers, null, HeaderSelection.SignableNonEmpty, keyTime, explain: false, out _);
    }

    /// <summary>
    /// Signs like the JavaScript <c>COS.getAuthorization(options)</c>: derives the Host from Bucket and
    /// Region when no Host header is given, and the key time from now when none is given. Empty header
    /// values are signed as <c>name=</c>, as that function does.
    /// </summary>
    public static string GetAuthorization(CosAuthorizationRequest request) => SignRequest(request, explain: false, out _);

    /// <summary>As <see cref="GetAuthorization(CosAuthorizationRequest)"/>, returning every intermediate as well.</summary>
    public static CosSignatureDetails Explain(CosAuthorizationRequest request)
    {
        SignRequest(request, explain: true, out var details);
        return details!;
    }

    /// <summary>True when COS signs a header of this name (<c>x-cos-*</c>, <c>x-ci-*</c>, content and conditional headers, Host).</summary>
    public static bool IsSignedHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CosHttpString.IsSignableHeaderName(name);
    }

    /// <summary>
    /// Builds the HttpString <c>lower(method)\npath\nparams\nheaders\n</c> from exactly the pairs given: no
    /// header is filtered out and empty values are signed as <c>name=</c>. A server verifying a signature
    /// passes the parameters and headers named in the received <c>q-url-param-list</c> and <c>q-header-list</c>.
    /// Names are signed as <c>lower(enc(name))</c>, values as <c>enc(value)</c>, both lists sorted ordinally by
    /// the signed name; the path is raw and gets a leading <c>/</c> when missing.
    /// </summary>
    public static string CreateHttpString(
        string method,
        string pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathname);
        var max = CosHttpString.MaxLength(method, pathname, query, headers, null);
        var http = new byte[max.HttpString];
        var length = CosHttpString.Write(method, pathname, query, headers, null, HeaderSelection.All, http, new byte[max.Names], new SignedName[max.Count], out _, out _);
        return Encoding.UTF8.GetString(http, 0, length);
    }

    /// <summary>Builds <c>sha1\n{keyTime}\n{hex(SHA1(utf8(httpString)))}\n</c>.</summary>
    public static string CreateStringToSign(CosKeyTime keyTime, string httpString)
    {
        ArgumentNullException.ThrowIfNull(httpString);
        Span<byte> digest = stackalloc byte[Sha1.HashSize];
        Sha1.HashData(Encoding.UTF8.GetBytes(httpString), digest);
        Span<byte> stringToSign = stackalloc byte[MaxStringToSign];
        return Encoding.ASCII.GetString(stringToSign[..WriteStringToSign(keyTime, digest, stringToSign)]);
    }

    /// <summary>Computes <c>SignKey = hex(HMAC-SHA1(SecretKey, KeyTime))</c>. The result is a secret.</summary>
    public static string CreateSignKey(string secretKey, CosKeyTime keyTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        return CosSignKey.ComputeHex(secretKey, keyTime);
    }

    /// <summary>Computes <c>q-signature = hex(HMAC-SHA1(SignKey, StringToSign))</c>.</summary>
    public static string CreateSignature(string signKey, string stringToSign)
    {
        ArgumentException.ThrowIfNullOrEmpty(signKey);
        ArgumentNullException.ThrowIfNull(stringToSign);
        Span<byte> mac = stackalloc byte[Sha1.HashSize];
        new HmacSha1Key(Encoding.UTF8.GetBytes(signKey)).ComputeMac(Encoding.UTF8.GetBytes(stringToSign), mac);
        return Convert.ToHexStringLower(mac);
    }

    private const int MaxStringToSign = 5 + CosKeyTime.MaxFormattedLength + 1 + (2 * Sha1.HashSize) + 1;

    private static string SignRequest(CosAuthorizationRequest request, bool explain, out CosSignatureDetails? details)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SecretId, nameof(request.SecretId));
        ArgumentException.ThrowIfNullOrEmpty(request.SecretKey, nameof(request.SecretKey));
        var method = string.IsNullOrEmpty(request.Method) ? "GET" : request.Method;
        var pathname = request.Pathname ?? request.Key ?? string.Empty;
        var keyTime = request.KeyTime ?? CosKeyTime.FromNow((request.TimeProvider ?? TimeProvider.System).GetUtcNow(), request.Expires);

        var query = AsSpan(request.Query, out var rentedQuery);
        var headers = AsSpan(request.Headers, out var rentedHeaders);
        try
        {
            KeyValuePair<string, string?>? host = null;
            if (request.ForceSignHost && !string.IsNullOrEmpty(request.Bucket) && !string.IsNullOrEmpty(request.Region) && !HasHost(headers))
            {
                host = new("Host", $"{request.Bucket}.cos.{request.Region}.myqcloud.com");
            }

            return Sign(request.SecretId, request.SecretKey, method, pathname, query, headers, host, HeaderSelection.Signable, keyTime, explain, out details);
        }
        finally
        {
            Return(rentedQuery);
            Return(rentedHeaders);
        }
    }

    private static string Sign(
        string secretId,
        string secretKey,
        string method,
        string pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers,
        KeyValuePair<string, string?>? extraHeader,
        HeaderSelection selection,
        CosKeyTime keyTime,
        bool explain,
        out CosSignatureDetails? details)
    {
        // 1. HttpString, in stack buffers when it fits (the common case), else in pooled ones.
        Span<byte> http = stackalloc byte[StackHttpString];
        Span<byte> names = stackalloc byte[StackNames];
        Span<SignedName> signed = stackalloc SignedName[StackPairs];
        byte[]? rentedHttp = null, rentedNames = null;
        SignedName[]? rentedSigned = null;
        try
        {
            // The HttpString buffers keep Sha1.MaxPadding spare bytes so that it is hashed in place.
            var httpLength = CosHttpString.Write(method, pathname, query, headers, extraHeader, selection, http[..^Sha1.MaxPadding], names, signed, out var queryCount, out var headerCount);
            if (httpLength < 0)
            {
                var max = CosHttpString.MaxLength(method, pathname, query, headers, extraHeader);
                http = rentedHttp = ArrayPool<byte>.Shared.Rent(max.HttpString + Sha1.MaxPadding);
                names = rentedNames = ArrayPool<byte>.Shared.Rent(max.Names);
                signed = rentedSigned = ArrayPool<SignedName>.Shared.Rent(max.Count);
                httpLength = CosHttpString.Write(method, pathname, query, headers, extraHeader, selection, http[..^Sha1.MaxPadding], names, signed, out queryCount, out headerCount);
                if (httpLength < 0)
                {
                    throw new InvalidOperationException("The HttpString did not fit its computed maximum length.");
                }
            }

            var httpString = explain ? Encoding.UTF8.GetString(http[..httpLength]) : null;

            // 2. StringToSign = sha1\nKeyTime\nhex(SHA1(HttpString))\n, its prefix cached with the sign key.
            var signKey = CosSignKey.Get(secretKey, keyTime);
            Span<byte> digest = stackalloc byte[Sha1.HashSize];
            var state = Sha1.InitialState;
            Sha1.FinishInPlace(ref state, http, httpLength, 0, digest);
            Span<byte> stringToSign = stackalloc byte[MaxStringToSign + Sha1.MaxPadding];
            var prefix = signKey.StringToSignPrefix;
            prefix.CopyTo(stringToSign);
            Hex.WriteLower(digest, stringToSign[prefix.Length..]);
            var stringToSignLength = prefix.Length + (2 * Sha1.HashSize) + 1;
            stringToSign[stringToSignLength - 1] = (byte)'\n';

            // 3. Signature = hex(HMAC-SHA1(SignKey, StringToSign)).
            Span<byte> signature = stackalloc byte[Sha1.HashSize];
            var stringToSignText = explain ? Encoding.ASCII.GetString(stringToSign[..stringToSignLength]) : null;
            signKey.Hmac.ComputeMacInPlace(stringToSign, stringToSignLength, signature);

            var queryNames = signed[..queryCount];
            var headerNames = signed.Slice(queryCount, headerCount);
            var authorization = FormatAuthorization(secretId, signKey.KeyTimeText, names, headerNames, queryNames, signature);

            details = !explain ? null : new CosSignatureDetails(
                httpString!,
                stringToSignText!,
                CosSignKey.ComputeHex(secretKey, keyTime),
                Convert.ToHexStringLower(signature),
                JoinNames(names, headerNames),
                JoinNames(names, queryNames),
                keyTime,
                authorization);
            return authorization;
        }
        finally
        {
            if (rentedHttp is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedHttp);
                ArrayPool<byte>.Shared.Return(rentedNames!);
                ArrayPool<SignedName>.Shared.Return(rentedSigned!);
            }
        }
    }

    private static int WriteStringToSign(CosKeyTime keyTime, ReadOnlySpan<byte> digest, Span<byte> destination)
    {
        "sha1\n"u8.CopyTo(destination);
        var written = 5 + keyTime.FormatUtf8(destination[5..]);
        destination[written++] = (byte)'\n';
        Hex.WriteLower(digest, destination[written..]);
        written += 2 * Sha1.HashSize;
        destination[written++] = (byte)'\n';
        return written;
    }

    private static string FormatAuthorization(
        string secretId,
        ReadOnlySpan<byte> keyTime,
        ReadOnlySpan<byte> names,
        ReadOnlySpan<SignedName> headerNames,
        ReadOnlySpan<SignedName> queryNames,
        ReadOnlySpan<byte> signature)
    {
        var length = AlgorithmPrefix.Length + secretId.Length + SignTimePrefix.Length + KeyTimePrefix.Length + (2 * keyTime.Length)
            + HeaderListPrefix.Length + ListLength(headerNames) + UrlParamListPrefix.Length + ListLength(queryNames)
            + SignaturePrefix.Length + (2 * Sha1.HashSize);
        var parts = new AuthorizationParts(secretId, keyTime, names, headerNames, queryNames, signature);
        return string.Create(length, parts, static (buffer, parts) =>
        {
            var writer = new CharWriter(buffer);
            writer.Write(AlgorithmPrefix);
            writer.Write(parts.SecretId);
            writer.Write(SignTimePrefix);
            writer.WriteAscii(parts.KeyTime);
            writer.Write(KeyTimePrefix);
            writer.WriteAscii(parts.KeyTime);
            writer.Write(HeaderListPrefix);
            writer.WriteList(parts.Names, parts.HeaderNames);
            writer.Write(UrlParamListPrefix);
            writer.WriteList(parts.Names, parts.QueryNames);
            writer.Write(SignaturePrefix);
            writer.WriteHex(parts.Signature);
        });
    }

    private static int ListLength(ReadOnlySpan<SignedName> signed)
    {
        var length = Math.Max(0, signed.Length - 1);
        foreach (var name in signed)
        {
            length += name.NameLength;
        }

        return length;
    }

    private static string JoinNames(ReadOnlySpan<byte> names, ReadOnlySpan<SignedName> signed)
    {
        var buffer = new char[ListLength(signed)];
        new CharWriter(buffer).WriteList(names, signed);
        return new string(buffer);
    }

    private static bool HasHost(ReadOnlySpan<KeyValuePair<string, string?>> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (!string.IsNullOrEmpty(value) && string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Views arrays and lists in place; copies other collections into a pooled array.</summary>
    private static ReadOnlySpan<KeyValuePair<string, string?>> AsSpan(IEnumerable<KeyValuePair<string, string?>>? pairs, out KeyValuePair<string, string?>[]? rented)
    {
        rented = null;
        switch (pairs)
        {
            case null:
                return default;
            case KeyValuePair<string, string?>[] array:
                return array;
            case List<KeyValuePair<string, string?>> list:
                return CollectionsMarshal.AsSpan(list);
            case ICollection<KeyValuePair<string, string?>> collection:
                rented = ArrayPool<KeyValuePair<string, string?>>.Shared.Rent(collection.Count);
                collection.CopyTo(rented, 0);
                return rented.AsSpan(0, collection.Count);
            default:
                return pairs.ToArray();
        }
    }

    private static void Return(KeyValuePair<string, string?>[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<KeyValuePair<string, string?>>.Shared.Return(rented, clearArray: true);
        }
    }

    private readonly ref struct AuthorizationParts(
        string secretId, ReadOnlySpan<byte> keyTime, ReadOnlySpan<byte> names, ReadOnlySpan<SignedName> headerNames, ReadOnlySpan<SignedName> queryNames, ReadOnlySpan<byte> signature)
    {
        public string SecretId { get; } = secretId;

        public ReadOnlySpan<byte> KeyTime { get; } = keyTime;

        public ReadOnlySpan<byte> Names { get; } = names;

        public ReadOnlySpan<SignedName> HeaderNames { get; } = headerNames;

        public ReadOnlySpan<SignedName> QueryNames { get; } = queryNames;

        public ReadOnlySpan<byte> Signature { get; } = signature;
    }

    private ref struct CharWriter(Span<char> buffer)
    {
        private readonly Span<char> _buffer = buffer;
        private int _position;

        public void Write(string value)
        {
            value.CopyTo(_buffer[_position..]);
            _position += value.Length;
        }

        public void WriteAscii(ReadOnlySpan<byte> value)
        {
            Encoding.ASCII.GetChars(value, _buffer[_position..]);
            _position += value.Length;
        }

        public void WriteList(ReadOnlySpan<byte> names, ReadOnlySpan<SignedName> signed)
        {
            for (var i = 0; i < signed.Length; i++)
            {
                if (i > 0)
                {
                    _buffer[_position++] = ';';
                }

                WriteAscii(names.Slice(signed[i].NameStart, signed[i].NameLength));
            }
        }

        public void WriteHex(ReadOnlySpan<byte> bytes)
        {
            Hex.WriteLower(bytes, _buffer[_position..]);
            _position += 2 * bytes.Length;
        }
    }
}
