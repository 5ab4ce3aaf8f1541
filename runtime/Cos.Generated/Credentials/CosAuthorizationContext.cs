namespace Cos.Generated.Credentials;

/// <summary>
/// What a signature backend signs for one try of a request: the values the JavaScript SDK passes to
/// <c>getAuthorization</c> (<c>Method</c>, <c>Pathname</c>, <c>Query</c>, <c>Headers</c>, <c>Scope</c>).
/// <see cref="Headers"/> are exactly the headers the request carries that COS signs (Host, Content-Length,
/// Content-MD5, <c>x-cos-*</c>…; not User-Agent, not empty ones), so signing <see cref="Method"/>,
/// <see cref="Pathname"/>, <see cref="Query"/> and <see cref="Headers"/> with
/// <see cref="Signing.CosSigner"/> gives a signature COS accepts.
/// </summary>
public sealed class CosAuthorizationContext
{
    /// <summary>Creates a context.</summary>
    public CosAuthorizationContext(
        string method,
        string pathname,
        IReadOnlyList<KeyValuePair<string, string?>> query,
        IReadOnlyList<KeyValuePair<string, string?>> headers,
        CosCredentialScope scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathname);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(scope);
        Method = method;
        Pathname = pathname;
        Query = query;
        Headers = headers;
        Scope = scope;
    }

    /// <summary>The HTTP method, upper case (<c>PUT</c>).</summary>
    public string Method { get; }

    /// <summary>The raw (not URL-encoded) path to sign, <c>/</c> + key (<c>/</c> for bucket requests).</summary>
    public string Pathname { get; }

    /// <summary>The query parameters, raw; a null value is a bare sub-resource (<c>uploads</c>), signed as <c>uploads=</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Query { get; }

    /// <summary>The signed headers the request carries, raw, including <c>Host</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Headers { get; }

    /// <summary>The request's permission scope (action, bucket, region, key).</summary>
    public CosCredentialScope Scope { get; }

    /// <summary>Describes the request.</summary>
    public override string ToString() => $"CosAuthorizationContext {{ Method = {Method}, Pathname = {Pathname}, Action = {Scope.Action} }}";
}
