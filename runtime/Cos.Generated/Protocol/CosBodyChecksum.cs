namespace Cos.Generated.Protocol;

/// <summary>Which body of an operation the CRC-64 in its response (<see cref="CosHttpRequest.Crc64Header"/>) describes, so the pipeline can check it.</summary>
public enum CosBodyChecksum
{
    /// <summary>No check.</summary>
    None,

    /// <summary>
    /// The CRC-64 is of the request body (PutObject, UploadPart): the pipeline hashes what it sends and refuses a
    /// different answer with <see cref="CosIntegrityException"/>.
    /// </summary>
    RequestBody,

    /// <summary>
    /// The CRC-64 is of the whole object the response body carries (GetObject): a response with the whole object
    /// (200, not a 206 range) is hashed as it is read, and the read that reaches its end fails on a mismatch.
    /// </summary>
    ResponseBody,
}
