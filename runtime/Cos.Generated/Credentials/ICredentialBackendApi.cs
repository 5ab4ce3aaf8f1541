using Refit;

namespace Cos.Generated.Credentials;

/// <summary>
/// The two backend contracts of the JavaScript SDK's samples, as a Refit typed client. The client's
/// <see cref="HttpClient.BaseAddress"/> is the endpoint itself, so every route is empty. Bodies are buffered,
/// so they go with a Content-Length rather than chunked (which simple backends may not read).
/// </summary>
internal interface ICredentialBackendApi
{
    /// <summary>GET a temporary key (no scope).</summary>
    [Get("")]
    Task<TemporaryKeyResponse?> GetTemporaryKeyAsync(CancellationToken cancellationToken);

    /// <summary>POST the request's scope and get a temporary key limited to it (<c>ScopeLimit</c>).</summary>
    [Post("")]
    Task<TemporaryKeyResponse?> GetScopedTemporaryKeyAsync([Body(buffered: true)] List<ScopeJson> scope, CancellationToken cancellationToken);

    /// <summary>POST what to sign and get the <c>Authorization</c>.</summary>
    [Post("")]
    Task<SignatureResponseJson?> GetAuthorizationAsync([Body(buffered: true)] SignatureRequestJson request, CancellationToken cancellationToken);
}
