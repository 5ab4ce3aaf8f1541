namespace Cos.Generated;

/// <summary>The data COS holds does not match what was sent: a CRC-64 (or MD5) check failed.</summary>
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

    /// <summary>The CRC-64 computed locally.</summary>
    public ulong ExpectedCrc64 { get; }

    /// <summary>The CRC-64 COS reported.</summary>
    public ulong? ActualCrc64 { get; }

    /// <summary>The part that failed the check; null for the whole object.</summary>
    public int? PartNumber { get; }
}
