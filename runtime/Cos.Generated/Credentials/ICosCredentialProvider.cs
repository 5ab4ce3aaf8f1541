namespace Cos.Generated.Credentials;

/// <summary>
/// Supplies the keys that sign requests. The pipeline asks for credentials on every try, so a
/// provider can rotate keys (refresh temporary STS keys) at any time; cache inside the provider.
/// </summary>
public interface ICosCredentialProvider
{
    /// <summary>Returns the credentials to sign the next try with.</summary>
    ValueTask<CosCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
