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
    /// <paramref name="query"/> are signed; a temporary key's token is appended URL-encoded.
    /// </summary>
    /// <param name="bucket">The bucket, <c>name-appid</c>.</param>
    /// <param name="key">The object key, raw.</param>
    /// <param name="expires">How long the URL is valid; default <see cref="CosClientOptions.SignatureExpires"/>.</param>
    /// <param name="method">The method the URL is for; default GET.</param>
    /// <param name="query">Extra query parameters (such as <c>response-content-disposition</c>), raw; signed and appended.</param>
    /// <param name="region">The region; default <see cref="CosClientOptions.Region"/>.</param>
    /// <exception cref="InvalidOperationException">The client has a credential provider that is not static, or an authorization provider; use <see cref="GetObjectUrlAsync"/>.</exception>
    public Uri GetObjectUrl(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null)
    {
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

        var (request, endpoint, validFor) = PresignTarget(bucket, key, expires, method, query, region);
        return PresignedUrl(request, endpoint, credentials is null ? null : Pipeline.Signer.Presign(request, endpoint, credentials, validFor));
    }

    /// <summary>
    /// Returns a presigned URL of an object, signed with credentials from the client's
    /// <see cref="CosClientOptions.CredentialProvider"/> (or its static keys), asked for the scope
    /// <c>name/cos:GetObject</c> (<c>name/cos:PutObject</c> for PUT) as the JavaScript SDK does, or with a
    /// signature from its <see cref="CosClientOptions.AuthorizationProvider"/> (which then chooses the validity); see <see cref="GetObjectUrl"/>.
    /// </summary>
    /// <exception cref="CosCredentialsException">The provider failed.</exception>
    public async ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null, CancellationToken cancellationToken = default)
    {
        var (request, endpoint, validFor) = PresignTarget(bucket, key, expires, method, query, region);
        return PresignedUrl(request, endpoint, await Pipeline.Signer.PresignAsync(request, endpoint, validFor, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Disposes the connection pool, unless the <see cref="HttpClient"/> was injected.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>
    /// The request a presigned URL stands for — a GetObject (or PutObject for PUT) of the object with the extra query —
    /// resolved like any request, so the URL is signed over the same path, query and scope a sent request would be.
    /// </summary>
    private (CosHttpRequest Request, CosEndpoint Endpoint, TimeSpan Expires) PresignTarget(string bucket, string key, TimeSpan? expires, HttpMethod? method, IEnumerable<KeyValuePair<string, string?>>? query, string? region)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The object key is required.", nameof(key));
        }

        if (expires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expires), expires, "A presigned URL must be valid for a positive time.");
        }

        method ??= HttpMethod.Get;
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
        request.Query.AddRange(query ?? []);
        var endpoint = Pipeline.Endpoints.ResolveBucket(bucket, region ?? Options.Region, key, []);
        return (request, endpoint, expires ?? Options.SignatureExpires);
    }

    /// <summary>
    /// The endpoint's URL with the signature, the token and the request's query. A COS signature goes in as its own
    /// parameters, each value URL-encoded (';' becomes %3B); any other authorization (a backend's own format) as
    /// <c>sign=</c>, as the JavaScript SDK does. Without a signature the URL is unsigned.
    /// </summary>
    private static Uri PresignedUrl(CosHttpRequest request, CosEndpoint endpoint, CosPresignature? signature)
    {
        var url = new StringBuilder(endpoint.Uri.OriginalString);
        if (signature is null)
        {
            CosEndpointResolver.AppendQuery(url, request.Query);
            return CosEndpointResolver.CreateExactUri(url.ToString());
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
        return CosEndpointResolver.CreateExactUri(url.ToString());
    }
}
