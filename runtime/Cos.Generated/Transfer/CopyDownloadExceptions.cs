namespace Cos.Generated;

/// <summary>
/// The object changed while it was being downloaded or copied: its ETag no longer matches the one the
/// transfer started with (COS answered 412 to <c>If-Match</c>), or a part came back with another ETag.
/// </summary>
public sealed class CosObjectChangedException : CosException
{
    /// <summary>Creates the exception.</summary>
    public CosObjectChangedException(string bucket, string key, string? expectedETag, string? actualETag, string? requestId, Exception? innerException = null)
        : base(412, "ObjectChanged", $"The object '{key}' in bucket '{bucket}' changed during the transfer (ETag {expectedETag ?? "unknown"} expected, {actualETag ?? "another"} found).", requestId, innerException: innerException)
    {
        ExpectedETag = expectedETag;
        ActualETag = actualETag;
    }

    /// <summary>The ETag the transfer started with.</summary>
    public string? ExpectedETag { get; }

    /// <summary>The ETag found later, when COS said it.</summary>
    public string? ActualETag { get; }
}

/// <summary>
/// A copied or downloaded object's CRC-64 does not match the source's: the data that landed is not the
/// data that was read. Never a silent success.
/// </summary>
public sealed class CosChecksumMismatchException : CosException
{
    /// <summary>Creates the exception.</summary>
    public CosChecksumMismatchException(string message, ulong expectedCrc64, ulong actualCrc64, string? requestId = null)
        : base(200, "ChecksumMismatch", message, requestId)
    {
        ExpectedCrc64 = expectedCrc64;
        ActualCrc64 = actualCrc64;
    }

    /// <summary>The CRC-64 of the source (COS's <c>x-cos-hash-crc64ecma</c>).</summary>
    public ulong ExpectedCrc64 { get; }

    /// <summary>The CRC-64 of what landed.</summary>
    public ulong ActualCrc64 { get; }
}
