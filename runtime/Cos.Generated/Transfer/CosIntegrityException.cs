namespace Cos.Generated;

/// <summary>
/// A CRC-64 check failed: what COS holds does not match what was sent (upload), what arrived does not
/// match what COS reports (download), or a copy does not match its source.
/// </summary>
public sealed class CosIntegrityException : CosException
{
    /// <summary>Creates the exception.</summary>
    public CosIntegrityException(string message, ulong expectedCrc64, ulong? actualCrc64, string? requestId, int? partNumber = null)
        : base(200, "IntegrityCheckFailed", message, requestId)
    {
        ExpectedCrc64 = expectedCrc64;
        ActualCrc64 = actualCrc64;
        PartNumber = partNumber;
    }

    /// <summary>The CRC-64 the data should have: computed from what was sent (upload), reported by COS (download), or the source's (copy).</summary>
    public ulong ExpectedCrc64 { get; }

    /// <summary>The CRC-64 found instead; null when COS reported none.</summary>
    public ulong? ActualCrc64 { get; }

    /// <summary>The part that failed the check; null for the whole object.</summary>
    public int? PartNumber { get; }
}
