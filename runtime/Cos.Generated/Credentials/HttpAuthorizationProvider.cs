namespace Cos.Generated.Credentials;

/// <summary>
/// Gets the signature of every request from a backend in the JavaScript SDK samples' format (its
/// <c>getAuthorization</c> "format 2"): POSTs <c>{"method","pathname","query":{…},"headers":{…}}</c> and reads
/// <c>{"authorization","securityToken"?}</c> (<c>sessionToken</c> is accepted for the token too). Nothing is
/// cached: a signature covers one request.
/// </summary>
public sealed class HttpAuthorizationProvider : ICosAuthorizationProvider, IDisposable
{
    private const string What = "signature";

    private readonly CredentialBackendClient _backend;

    /// <summary>Creates a provider for <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The backend URL (http or https).</param>
    /// <param name="options">Timeouts, retries and the HTTP handler.</param>
    public HttpAuthorizationProvider(Uri endpoint, HttpCredentialProviderOptions? options = null)
    {
        _backend = new CredentialBackendClient(endpoint, options);
    }

    /// <summary>The endpoint, without its query.</summary>
    public string Endpoint => _backend.Endpoint;

    /// <inheritdoc />
    /// <exception cref="CosCredentialsException">The backend failed, timed out (after retries) or answered something unusable.</exception>
    public async ValueTask<CosAuthorization> GetAuthorizationAsync(CosAuthorizationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new SignatureRequestJson { Method = context.Method, Pathname = context.Pathname };
        foreach (var (name, value) in context.Query)
        {
            request.Query[name] = value ?? string.Empty;
        }

        foreach (var (name, value) in context.Headers)
        {
            request.Headers[name] = value ?? string.Empty;
        }

        var answer = await _backend.CallAsync((api, token) => api.GetAuthorizationAsync(request, token), What, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Authorization))
        {
            throw new CosCredentialsException($"The {What} endpoint {Endpoint} answered JSON without \"authorization\".");
        }

        try
        {
            return new CosAuthorization(answer.Authorization, answer.SecurityToken ?? answer.SessionToken);
        }
        catch (ArgumentException ex)
        {
            throw new CosCredentialsException($"The {What} endpoint {Endpoint} answered an authorization or token with white space or control characters.", ex);
        }
    }

    /// <summary>Releases the provider's own HTTP handler.</summary>
    public void Dispose() => _backend.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"HttpAuthorizationProvider {{ Endpoint = {Endpoint} }}";
}
