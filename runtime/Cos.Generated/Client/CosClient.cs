using System.ComponentModel;
using System.Text;
using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Pipeline;
using Cos.Generated.Protocol;
using Cos.Generated.Signing;

namespace Cos.Generated;

/// <summary>
/// The COS client. The operation methods are generated from the API spec into another part of this
/// class; this part holds the options, the pipeline and presigned URLs. Thread-safe; create one per
/// set of options and reuse it.
/// </summary>
public sealed partial class CosClient : ICosClient
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ICosCredentialProvider? _credentials;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="CosClientOptions.Validate"/>).</exception>
    public CosClient(CosClientOptions options)
        : this(options, httpClient: null, injected: false)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>, which it does not dispose.
    /// The client should not follow redirects or decompress; per-try timeouts come from
    /// <see cref="CosClientOptions.Timeout"/>. <see cref="CosClientOptions.ConnectTo"/> cannot be used.
    /// </summary>
    public CosClient(CosClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), injected: true)
    {
    }

    private CosClient(CosClientOptions options, HttpClient? httpClient, bool injected)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (injected && options.ConnectTo is not null)
        {
            throw new ArgumentException("ConnectTo cannot be combined with an injected HttpClient; give that client's handler a ConnectCallback instead.", nameof(options));
        }

        Options = options;
        _credentials = options.CredentialProvider
            ?? (string.IsNullOrEmpty(options.SecretId) ? null : new StaticCredentialProvider(options.SecretId, options.SecretKey!, options.SecurityToken));
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? CosHttpClientFactory.Create(options);
        Pipeline = new CosPipeline(options, _httpClient, _credentials, options.AuthorizationProvider);
    }

    /// <summary>The options the client was created with.</summary>
    public CosClientOptions Options { get; }

    /// <summary>
    /// The pipeline the generated operation methods send through (signing, endpoints, retries). It is
    /// public for code generated from your own <c>*.api.json</c>: the partial client class the spec names
    /// exposes it as <c>internal CosPipeline Pipeline =&gt; client.Pipeline;</c> (see the spec's README,
    /// "Your own operations"). Application code calls the operation methods instead.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CosPipeline Pipeline { get; }

    /// <summary>
    /// Returns a presigned URL of an object, signed with the static credentials of the options
    /// (<see cref="CosClientOptions.SecretId"/>/<see cref="CosClientOptions.SecretKey"/> or a
    /// <see cref="StaticCredentialProvider"/>). Without credentials the URL is unsigned. The host and
    /// <paramref name="query"/> are signed; a temporary key's token is appended URL-encoded. The overload with
    /// <see cref="CosObjectUrlOptions"/> has every option of the JavaScript SDK's <c>getObjectUrl</c>.
    /// </summary>
    /// <param name="bucket">The bucket, <c>name-appid</c>.</param>
    /// <param name="key">The object key, raw.</param>
    /// <param name="expires">How long the URL is valid; default <see cref="CosClientOptions.SignatureExpires"/>.</param>
    /// <param name="method">The method the URL is for; default GET.</param>
    /// <param name="query">Extra query parameters (such as <c>response-content-disposition</c>), raw; signed and appended.</param>
    /// <param name="region">The region; default <see cref="CosClientOptions.Region"/>.</param>
    /// <exception cref="InvalidOperationException">The client has a credential provider that is not static, or an authorization provider; use <c>GetObjectUrlAsync</c>.</exception>
    public Uri GetObjectUrl(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null) =>
        GetObjectUrl(bucket, key, UrlOptions(expires, method, query, region));

    /// <summary>
    /// Returns the URL of an object as <paramref name="options"/> ask (the JavaScript SDK's <c>getObjectUrl</c>): signed
    /// with the static credentials of the options (<see cref="CosClientOptions.SecretId"/>/<see cref="CosClientOptions.SecretKey"/>
    /// or a <see cref="StaticCredentialProvider"/>) unless <see cref="CosObjectUrlOptions.Sign"/> is false or the client has
    /// no credentials. The signature covers the method, the path, the host, <see cref="CosObjectUrlOptions.Query"/> (and
    /// <see cref="CosObjectUrlOptions.VersionId"/>) and <see cref="CosObjectUrlOptions.Headers"/>; a temporary key's token
    /// is appended URL-encoded, then the query, then <see cref="CosObjectUrlOptions.QueryString"/> as given.
    /// </summary>
    /// <param name="bucket">The bucket, <c>name-appid</c>.</param>
    /// <param name="key">The object key, raw.</param>
    /// <param name="options">What URL to make.</param>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="CosObjectUrlOptions.Validate"/>).</exception>
    /// <exception cref="InvalidOperationException">The URL is to be signed and the client has a credential provider that is not static, or an authorization provider; use <c>GetObjectUrlAsync</c>.</exception>
    public Uri GetObjectUrl(string bucket, string key, CosObjectUrlOptions options)
    {
        var (request, endpoint, validFor, headers) = PresignTarget(bucket, key, options);
        if (!options.Sign)
        {
            return PresignedUrl(request, endpoint, null, options.QueryString);
        }

        if (Options.AuthorizationProvider is not null)
        {
            throw new InvalidOperationException("This client gets its signatures from an AuthorizationProvider; use GetObjectUrlAsync to presign with it.");
        }

        var credentials = _credentials switch
        {
            null => null,
            StaticCredentialProvider fixedKeys => fixedKeys.Credentials,
            _ => throw new InvalidOperationException("This client gets its keys from a CredentialProvider; use GetObjectUrlAsync to presign with them."),
        };

        return PresignedUrl(request, endpoint, credentials is null ? null : Pipeline.Signer.Presign(request, endpoint, credentials, validFor, headers), options.QueryString);
    }

    /// <summary>
    /// Returns a presigned URL of an object, signed with credentials from the client's
    /// <see cref="CosClientOptions.CredentialProvider"/> (or its static keys), asked for the scope
    /// <c>name/cos:GetObject</c> (<c>name/cos:PutObject</c> for PUT) as the JavaScript SDK does, or with a
    /// signature from its <see cref="CosClientOptions.AuthorizationProvider"/> (which then chooses the validity); see
    /// <see cref="GetObjectUrl(string, string, Nullable{TimeSpan}, HttpMethod, IEnumerable{KeyValuePair{string, string}}, string)"/>.
    /// </summary>
    /// <exception cref="CosCredentialsException">The provider failed.</exception>
    public ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null, CancellationToken cancellationToken = default) =>
        GetObjectUrlAsync(bucket, key, UrlOptions(expires, method, query, region), cancellationToken);

    /// <summary>
    /// Returns the URL of an object as <paramref name="options"/> ask, signed (unless <see cref="CosObjectUrlOptions.Sign"/>
    /// is false) with credentials from the client's <see cref="CosClientOptions.CredentialProvider"/> (or its static keys),
    /// asked for the scope <c>name/cos:GetObject</c> (<c>name/cos:PutObject</c> for PUT), or with a signature from its
    /// <see cref="CosClientOptions.AuthorizationProvider"/> (which then chooses the validity and is given the headers to
    /// sign); see <see cref="GetObjectUrl(string, string, CosObjectUrlOptions)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="CosObjectUrlOptions.Validate"/>).</exception>
    /// <exception cref="CosCredentialsException">The provider failed.</exception>
    public async ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, CosObjectUrlOptions options, CancellationToken cancellationToken = default)
    {
        var (request, endpoint, validFor, headers) = PresignTarget(bucket, key, options);
        var signature = options.Sign ? await Pipeline.Signer.PresignAsync(request, endpoint, validFor, headers, cancellationToken).ConfigureAwait(false) : null;
        return PresignedUrl(request, endpoint, signature, options.QueryString);
    }

    /// <summary>Disposes the connection pool, unless the <see cref="HttpClient"/> was injected.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static CosObjectUrlOptions UrlOptions(TimeSpan? expires, HttpMethod? method, IEnumerable<KeyValuePair<string, string?>>? query, string? region) =>
        expires is null && method is null && query is null && region is null
            ? CosObjectUrlOptions.Default
            : new CosObjectUrlOptions { Expires = expires, Method = method, Query = query?.ToArray(), Region = region };

    /// <summary>
    /// The request a presigned URL stands for — a GetObject (or PutObject for PUT) of the object with the extra query —
    /// resolved like any request (with the per-URL protocol, domain and acceleration), so the URL is signed over the same
    /// path, query and scope a sent request would be; and the headers the signature covers besides Host.
    /// </summary>
    private (CosHttpRequest Request, CosEndpoint Endpoint, TimeSpan Expires, KeyValuePair<string, string?>[] Headers) PresignTarget(string bucket, string key, CosObjectUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The object key is required.", nameof(key));
        }

        options.Validate();
        var method = options.Method ?? HttpMethod.Get;
        var region = options.Region;
        // The object operation the URL performs, whose row names its CAM action for a scope-limited key.
        var operation = method.Method switch
        {
            "GET" => CosOperations.GetObject,
            "PUT" => CosOperations.PutObject,
            "HEAD" => CosOperations.HeadObject,
            "DELETE" => CosOperations.DeleteObject,
            _ => new CosOperation { Name = "GetObject", Method = method, Safety = CosOperationSafety.ReadOnly, CamAction = CosOperations.GetObject.CamAction },
        };
        var request = new CosHttpRequest(operation)
        {
            Bucket = bucket,
            Key = key,
            Region = region,
        };
        request.Query.AddRange(options.Query ?? []);
        if (options.VersionId is { } versionId)
        {
            request.Query.Add(new("versionId", versionId));
        }

        var resolver = options.Protocol is null && options.Domain is null && options.UseAccelerate is null
            ? Pipeline.Endpoints
            : new CosEndpointResolver(Options with
            {
                Protocol = options.Protocol ?? Options.Protocol,
                Domain = options.Domain ?? Options.Domain,
                UseAccelerate = options.UseAccelerate ?? Options.UseAccelerate,
            });
        var endpoint = resolver.ResolveBucket(bucket, region ?? Options.Region, key, []);
        KeyValuePair<string, string?>[] headers = options.Headers is { Count: > 0 } given ? [.. given] : [];
        return (request, endpoint, options.Expires ?? Options.SignatureExpires, headers);
    }

    /// <summary>
    /// The endpoint's URL with the signature, the token, the request's query and the raw query string. A COS signature goes in as its own
    /// parameters, each value URL-encoded (';' becomes %3B); any other authorization (a backend's own format) as
    /// <c>sign=</c>, as the JavaScript SDK does. Without a signature the URL is unsigned.
    /// </summary>
    private static Uri PresignedUrl(CosHttpRequest request, CosEndpoint endpoint, CosPresignature? signature, string? queryString)
    {
        var url = new StringBuilder(endpoint.Uri.OriginalString);
        if (signature is null)
        {
            CosEndpointResolver.AppendQuery(url, request.Query);
            return CosEndpointResolver.CreateExactUri(AppendRaw(url, queryString, request.Query.Count == 0 ? '?' : '&'));
        }

        if (signature.Authorization.Contains("q-signature=", StringComparison.Ordinal))
        {
            var separator = '?';
            foreach (var piece in signature.Authorization.Split('&'))
            {
                var equals = piece.IndexOf('=');
                url.Append(separator).Append(piece, 0, equals + 1).Append(CosUrlEncoding.Encode(piece[(equals + 1)..]));
                separator = '&';
            }
        }
        else
        {
            url.Append("?sign=").Append(CosUrlEncoding.Encode(signature.Authorization));
        }

        if (signature.SecurityToken is { } token)
        {
            url.Append('&').Append(CosRequestFactory.SecurityTokenHeader(endpoint.Host)).Append('=').Append(CosUrlEncoding.Encode(token));
        }

        CosEndpointResolver.AppendQuery(url, request.Query, firstSeparator: '&');
        return CosEndpointResolver.CreateExactUri(AppendRaw(url, queryString, '&'));
    }

    /// <summary>Appends <see cref="CosObjectUrlOptions.QueryString"/> as given (without a leading '?' or '&amp;').</summary>
    private static string AppendRaw(StringBuilder url, string? queryString, char separator)
    {
        var raw = queryString?.TrimStart('?', '&');
        if (!string.IsNullOrEmpty(raw))
        {
            url.Append(separator).Append(raw);
        }

        return url.ToString();
    }
}
