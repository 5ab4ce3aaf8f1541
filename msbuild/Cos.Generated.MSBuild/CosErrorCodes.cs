namespace Cos.Generated.MSBuild;

/// <summary>
/// The stable codes of the errors and warnings the task and its targets log. They are documented in
/// docs/msbuild.md; never renumber one, add new ones at the end.
/// </summary>
public static class CosErrorCodes
{
    /// <summary>No credentials: neither the SecretId/SecretKey parameters nor COS_SECRET_ID/COS_SECRET_KEY are set.</summary>
    public const string MissingCredentials = "COS001";

    /// <summary>A parameter is missing or invalid (bucket, region, endpoint, limits, storage class, key).</summary>
    public const string InvalidParameter = "COS002";

    /// <summary>A file or the source directory to upload does not exist.</summary>
    public const string SourceNotFound = "COS003";

    /// <summary>Two different files would be uploaded to the same key.</summary>
    public const string DuplicateKey = "COS004";

    /// <summary>COS refused an upload (the message carries the COS error code and request id).</summary>
    public const string UploadRejected = "COS005";

    /// <summary>An upload failed without a COS answer: network, I/O, or a CRC-64 mismatch.</summary>
    public const string UploadFailed = "COS006";

    /// <summary>The upload was canceled (Ctrl-C); nothing half-uploaded is left visible.</summary>
    public const string Canceled = "COS007";

    /// <summary>The presigned URLs could not be written to <c>PresignedUrlsFile</c>.</summary>
    public const string PresignedUrlsNotWritten = "COS008";

    /// <summary>Emitted by the targets: the task needs MSBuild on .NET (<c>dotnet build</c>), not .NET Framework MSBuild.</summary>
    public const string NeedsMSBuildOnDotNet = "COS010";

    /// <summary>Warning: there was nothing to upload (no files, or the globs matched nothing).</summary>
    public const string NothingToUpload = "COS101";

    /// <summary>Warning: the same file was listed twice for the same key; it is uploaded once.</summary>
    public const string DuplicateFile = "COS102";

    /// <summary>Warning: the remote object could not be checked (for example HEAD is denied), so the file is uploaded.</summary>
    public const string CheckFailed = "COS103";

    /// <summary>Warning: an item of <c>Files</c> is a directory, not a file; it is skipped.</summary>
    public const string DirectorySkipped = "COS104";
}
