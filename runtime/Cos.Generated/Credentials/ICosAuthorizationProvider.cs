namespace Cos.Generated.Credentials;

/// <summary>
/// Computes the <c>Authorization</c> of every request elsewhere, typically on a backend that holds the key
/// (the JavaScript SDK's <c>getAuthorization</c> "format 2", returning <c>{Authorization}</c>). Asked once per
/// try, for every request, including each part of a multipart upload. Set it as
/// <see cref="CosClientOptions.AuthorizationProvider"/> instead of keys or a credential provider.
/// </summary>
public interface ICosAuthorizationProvider
{
    /// <summary>Returns the <c>Authorization</c> (and token) for the request described by <paramref name="context"/>.</summary>
    /// <exception cref="CosCredentialsException">No signature could be obtained.</exception>
    ValueTask<CosAuthorization> GetAuthorizationAsync(CosAuthorizationContext context, CancellationToken cancellationToken);
}
