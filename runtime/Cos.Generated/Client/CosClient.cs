using System.ComponentModel;
using System.Text;
using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Pipeline;
using Cos.Generated.Signing;

namespace Cos.Generated;

/// <summary>
/// The COS client. The operation methods are generated from the API spec into another part of this
/// class; this part holds the options, the pipeline and presigned URLs. Thread-safe; create one per
/// set of options and reuse it.
/// </summary>
public sealed partial class CosClient : IDisposable
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

        return BuildObjectUrl(credentials, bucket, key, expires, method, query, region);
    }

    /// <summary>
    /// Returns a presigned URL of an object, signed with credentials from the client's
    /// <see cref="CosClientOptions.CredentialProvider"/> (or its static keys), asked for the scope
    /// <c>name/cos:GetObject</c> (<c>name/cos:PutObject</c> for PUT) as the JavaScript SDK does, or with a
    /// signature from its <see cref="CosClientOptions.AuthorizationProvider"/>; see <see cref="GetObjectUrl"/>.
    /// </summary>
    /// <exception cref="CosCredentialsException">The provider failed.</exception>
    public async ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null, CancellationToken cancellationToken = default)
    {
        var scope = new CosCredentialScope(
            CosCredentialScope.ActionPrefix + (method == HttpMethod.Put ? "PutObject" : "GetObject"),
            bucket ?? string.Empty,
            region ?? Options.Region ?? string.Empty,
            key ?? string.Empty);
        if (Options.AuthorizationProvider is { } signer)
        {
            return await BuildServerSignedUrlAsync(signer, scope, bucket!, key!, method, query, region, cancellationToken).ConfigureAwait(false);
        }

        var credentials = _credentials is null ? null : await CosRequestSigner.AskProviderAsync(_credentials, static (provider, scope, token) => provider.GetCredentialsAsync(scope, token), scope, PresignedUrlPurpose, cancellationToken).ConfigureAwait(false);
        return BuildObjectUrl(credentials, bucket!, key!, expires, method, query, region);
    }

    /// <summary>Disposes the connection pool, unless the <see cref="HttpClient"/> was injected.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private Uri BuildObjectUrl(CosCredentials? credentials, string bucket, string key, TimeSpan? expires, HttpMethod? method, IEnumerable<KeyValuePair<string, string?>>? query, string? region)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The object key is required.", nameof(key));
        }

        if (expires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expires), expires, "A presigned URL must be valid for a positive time.");
        }

        var extraQuery = query?.ToList() ?? [];
        var endpoint = Pipeline.Endpoints.ResolveBucket(bucket, region ?? Options.Region, key, []);
        var url = new StringBuilder(endpoint.Uri.OriginalString);
        if (credentials is null)
        {
            CosEndpointResolver.AppendQuery(url, extraQuery);
            return CosEndpointResolver.CreateExactUri(url.ToString());
        }

        var keyTime = SigningTime.ForUrl(credentials, Pipeline.Clock.Now, expires ?? Options.SignatureExpires);
        KeyValuePair<string, string?>[] headers = [new("Host", endpoint.Host)];
        var authorization = CosSigner.GetAuthorization(
            credentials.SecretId,
            credentials.SecretKey,
            (method ?? HttpMethod.Get).Method,
            endpoint.Pathname,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(extraQuery),
            headers,
            keyTime);
        return SignedUrl(url, endpoint, authorization, credentials.SecurityToken, extraQuery);
    }

    private const string PresignedUrlPurpose = "a presigned URL";

    /// <summary>A presigned URL whose signature comes from <paramref name="signer"/>, which also chooses its validity.</summary>
    private async ValueTask<Uri> BuildServerSignedUrlAsync(ICosAuthorizationProvider signer, CosCredentialScope scope, string bucket, string key, HttpMethod? method, IEnumerable<KeyValuePair<string, string?>>? query, string? region, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The object key is required.", nameof(key));
        }

        var extraQuery = query?.ToList() ?? [];
        var endpoint = Pipeline.Endpoints.ResolveBucket(bucket, region ?? Options.Region, key, []);
        var context = new CosAuthorizationContext((method ?? HttpMethod.Get).Method, endpoint.Pathname, extraQuery.ToArray(), [new("Host", endpoint.Host)], scope);
        var signature = await CosRequestSigner.AskProviderAsync(signer, static (provider, context, token) => provider.GetAuthorizationAsync(context, token), context, PresignedUrlPurpose, cancellationToken).ConfigureAwait(false);

        return SignedUrl(new StringBuilder(endpoint.Uri.OriginalString), endpoint, signature.Authorization, signature.SecurityToken, extraQuery);
    }

    /// <summary>
    /// Appends the signature, the token and <paramref name="extraQuery"/> to <paramref name="url"/>. A COS
    /// signature goes in as its own parameters, each value URL-encoded (';' becomes %3B); any other
    /// authorization (a backend's own format) as <c>sign=</c>, as the JavaScript SDK does.
    /// </summary>
    private Uri SignedUrl(StringBuilder url, CosEndpoint endpoint, string authorization, string? securityToken, List<KeyValuePair<string, string?>> extraQuery)
    {
        if (authorization.Contains("q-signature=", StringComparison.Ordinal))
        {
            var separator = '?';
            foreach (var piece in authorization.Split('&'))
            {
                var equals = piece.IndexOf('=');
                url.Append(separator).Append(piece, 0, equals + 1).Append(CosUrlEncoding.Encode(piece[(equals + 1)..]));
                separator = '&';
            }
        }
        else
        {
            url.Append("?sign=").Append(CosUrlEncoding.Encode(authorization));
        }

        if (securityToken is { } token)
        {
            url.Append('&').Append(Pipeline.RequestTokenHeader(endpoint.Host)).Append('=').Append(CosUrlEncoding.Encode(token));
        }

        CosEndpointResolver.AppendQuery(url, extraQuery, firstSeparator: '&');
        return CosEndpointResolver.CreateExactUri(url.ToString());
    }
}
