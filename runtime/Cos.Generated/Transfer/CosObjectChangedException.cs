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
