namespace Cos.Generated.Credentials;

/// <summary>
/// Credentials or a signature could not be obtained: a credential provider, a temporary-key backend or
/// a signature backend failed, timed out or answered something unusable. The cause is the inner exception;
/// the message never contains keys, tokens or signatures.
/// </summary>
public sealed class CosCredentialsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CosCredentialsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
