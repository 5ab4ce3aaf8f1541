namespace Cos.Emulator.Errors;

/// <summary>The COS errors the emulator answers with, with the status COS documents for each.</summary>
internal static class CosErrors
{
    public static CosErrorException AccessDenied(string message) => new(403, "AccessDenied", message);

    public static CosErrorException BadDigest() => new(400, "BadDigest", "The Content-MD5 you specified did not match what was received.");

    public static CosErrorException BucketAlreadyExists() => new(409, "BucketAlreadyExists", "The requested bucket name is not available.");

    public static CosErrorException BucketNotEmpty() => new(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.");

    public static CosErrorException EntityTooSmall(int partNumber) => new(400, "EntityTooSmall", $"Part {partNumber} is smaller than the minimum allowed size of 1 MB (only the last part may be smaller).");

    public static CosErrorException InvalidAccessKeyId(string message) => new(403, "InvalidAccessKeyId", message);

    public static CosErrorException InvalidArgument(string message) => new(400, "InvalidArgument", message);

    public static CosErrorException InvalidBucketName(string name) => new(400, "InvalidBucketName", $"The bucket name '{name}' is invalid: use lower-case letters, digits and '-' followed by '-' and the APPID.");

    public static CosErrorException InvalidDigest(string message) => new(400, "InvalidDigest", message);

    public static CosErrorException InvalidPart(string message) => new(400, "InvalidPart", message);

    public static CosErrorException InvalidPartOrder() => new(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.");

    public static CosErrorException InvalidRange(long length) => new(416, "InvalidRange", "The requested range is not satisfiable.")
    {
        Headers = [new("Content-Range", $"bytes */{length}")],
    };

    public static CosErrorException InvalidRequest(string message) => new(400, "InvalidRequest", message);

    public static CosErrorException KeyTooLong(int bytes) => new(400, "KeyTooLong", $"Your key is too long: it is {bytes} bytes of UTF-8, and keys are at most {MaxKeyBytes}.");

    /// <summary>The longest object key COS accepts, in bytes of UTF-8.</summary>
    public const int MaxKeyBytes = 850;

    public static CosErrorException MalformedXml(string message) => new(400, "MalformedXML", message);

    public static CosErrorException MethodNotAllowed(string method) => new(405, "MethodNotAllowed", $"The specified method {method} is not allowed against this resource.");

    public static CosErrorException NoSuchBucket() => new(404, "NoSuchBucket", "The specified bucket does not exist.");

    public static CosErrorException NoSuchKey() => new(404, "NoSuchKey", "The specified key does not exist.");

    public static CosErrorException NoSuchVersion() => new(404, "NoSuchVersion", "The specified version does not exist.");

    public static CosErrorException NoSuchUpload() => new(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");

    public static CosErrorException NotImplemented(string what) => new(501, "NotImplemented", $"{what} is not implemented by the COS emulator.");

    public static CosErrorException PreconditionFailed() => new(412, "PreconditionFailed", "At least one of the preconditions you specified did not hold.");

    public static CosErrorException RequestTimeTooSkewed(string message) => new(403, "RequestTimeTooSkewed", message);

    public static CosErrorException SignatureDoesNotMatch(string stringToSign, string formatString) =>
        new(403, "SignatureDoesNotMatch", "The Signature you specified does not match what the server calculated.")
        {
            Extra = [new("StringToSign", stringToSign), new("FormatString", formatString)],
        };
}
