namespace Cos.Chaos.Tests.Plans;

/// <summary>The public client call a run makes (one per run).</summary>
internal enum ScenarioKind
{
    /// <summary><c>UploadFileAsync</c> with <c>OnFailure = Abort</c>.</summary>
    UploadFile,

    /// <summary><c>UploadAsync</c> of a seekable or non-seekable stream, <c>OnFailure = Abort</c>.</summary>
    UploadStream,

    /// <summary><c>DownloadFileAsync</c>, resumable or not, over an absent or an existing file.</summary>
    DownloadFile,

    /// <summary><c>CopyAsync</c>, simple or multipart.</summary>
    Copy,

    /// <summary>One <c>PutObjectAsync</c>.</summary>
    PutObject,

    /// <summary>One <c>GetObjectAsync</c>, its body read to the end.</summary>
    GetObject,

    /// <summary>One <c>GetBucketAsync</c>.</summary>
    GetBucket,

    /// <summary>A child process uploading a file is killed (SIGKILL) mid-way; <c>UploadFileAsync</c> here resumes it.</summary>
    KillAndResume,
}
