namespace Cos.Generated.Credentials;

/// <summary>
/// Supplies the keys that sign requests (JS <c>getAuthorization</c> returning temporary keys, or permanent
/// keys). The pipeline asks on every try and passes the request's <see cref="CosCredentialScope"/>, so a
/// provider can rotate keys at any time or mint keys limited to a scope; cache inside the provider
/// (see <see cref="TemporaryCredentialProvider"/>).
/// </summary>
public interface ICosCredentialProvider
{
    /// <summary>Returns the credentials to sign the next try of a request with <paramref name="scope"/>.</summary>
    /// <exception cref="CosCredentialsException">No credentials could be obtained.</exception>
    ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Called when COS refused <paramref name="credentials"/>, a temporary key this provider gave, as expired or
    /// unknown before the time it was expected to last (its validity ran out early, or the clocks disagree): a caching
    /// provider drops it, so the request's one retry gets a fresh key. Does nothing by default.
    /// </summary>
    void Invalidate(CosCredentials credentials)
    {
    }
}
