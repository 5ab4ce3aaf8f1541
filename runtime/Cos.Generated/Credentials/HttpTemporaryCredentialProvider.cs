namespace Cos.Generated.Credentials;

/// <summary>
/// Gets temporary keys from a backend in the JavaScript SDK samples' format and caches them like
/// <see cref="TemporaryCredentialProvider"/> (refresh 60 s before expiry, one fetch at a time per scope).
/// The backend answers <c>{"credentials":{"tmpSecretId","tmpSecretKey","sessionToken"},"startTime","expiredTime"}</c>
/// (Unix seconds; <c>startTime</c> optional) to a GET, or, with <c>scopeLimit</c>, to a POST of the request's
/// scope as JSON: <c>[{"action":"name/cos:PutObject","bucket","region","prefix"}]</c> (a copy also
/// lists <c>name/cos:GetObject</c> on its source first, as the JavaScript SDK does).
/// </summary>
public sealed class HttpTemporaryCredentialProvider : ICosCredentialProvider, IDisposable
{
    private const string What = "temporary-key";

    private readonly CredentialBackendClient _backend;
    private readonly TemporaryCredentialProvider _cache;

    /// <summary>Creates a provider for <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The backend URL (http or https).</param>
    /// <param name="scopeLimit">POST each request's scope and cache keys per scope (JS <c>ScopeLimit: true</c>); else GET one key for all requests.</param>
    /// <param name="options">Timeouts, retries and the HTTP handler.</param>
    public HttpTemporaryCredentialProvider(Uri endpoint, bool scopeLimit = false, HttpCredentialProviderOptions? options = null)
    {
        _backend = new CredentialBackendClient(endpoint, options);
        _cache = new TemporaryCredentialProvider(FetchAsync, scopeLimit, _backend.TimeProvider);
    }

    /// <summary>The endpoint, without its query.</summary>
    public string Endpoint => _backend.Endpoint;

    /// <inheritdoc />
    /// <exception cref="CosCredentialsException">The backend failed, timed out (after retries) or answered something unusable.</exception>
    public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken) =>
        _cache.GetCredentialsAsync(scope, cancellationToken);

    /// <summary>Releases the provider's own HTTP handler.</summary>
    public void Dispose() => _backend.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"HttpTemporaryCredentialProvider {{ Endpoint = {Endpoint}, ScopeLimit = {_cache.ScopeLimit} }}";

    private async ValueTask<CosCredentials> FetchAsync(CosCredentialScope scope, CancellationToken cancellationToken)
    {
        var answer = _cache.ScopeLimit
            ? await _backend.CallAsync(
                (api, token) => api.GetScopedTemporaryKeyAsync(scope.ToEntries().Select(entry => new ScopeJson { Action = entry.Action, Bucket = entry.Bucket, Region = entry.Region, Prefix = entry.Prefix }).ToList(), token),
                What,
                cancellationToken).ConfigureAwait(false)
            : await _backend.CallAsync((api, token) => api.GetTemporaryKeyAsync(token), What, cancellationToken).ConfigureAwait(false);

        var key = answer.Credentials ?? throw Missing("credentials");
        var secretId = NonEmpty(key.TmpSecretId, "credentials.tmpSecretId");
        var secretKey = NonEmpty(key.TmpSecretKey, "credentials.tmpSecretKey");
        var token = NonEmpty(key.SessionToken, "credentials.sessionToken");
        var expired = answer.ExpiredTime ?? throw Missing("expiredTime");
        try
        {
            return new CosCredentials(
                secretId,
                secretKey,
                token,
                answer.StartTime is { } start ? DateTimeOffset.FromUnixTimeSeconds(start) : null,
                DateTimeOffset.FromUnixTimeSeconds(expired));
        }
        catch (ArgumentException ex)
        {
            throw new CosCredentialsException($"The {What} endpoint {Endpoint} answered an unusable validity window (startTime/expiredTime in Unix seconds, expiredTime after startTime).", ex);
        }
    }

    private string NonEmpty(string? value, string field) => string.IsNullOrEmpty(value) ? throw Missing(field) : value;

    private CosCredentialsException Missing(string field) =>
        new($"The {What} endpoint {Endpoint} answered JSON without \"{field}\".");
}
