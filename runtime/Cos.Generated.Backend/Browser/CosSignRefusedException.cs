namespace Cos.Generated.Backend.Browser;

/// <summary>
/// A browser asked for a signature the allow-lists do not cover; answer it with 403. The message says why and
/// never contains a secret.
/// </summary>
public sealed class CosSignRefusedException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public CosSignRefusedException(CosSignRefusal reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Which check failed.</summary>
    public CosSignRefusal Reason { get; }
}
