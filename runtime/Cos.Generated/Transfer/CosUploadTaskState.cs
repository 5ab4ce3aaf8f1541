namespace Cos.Generated.Transfer;

/// <summary>Where a <see cref="CosUploadTask"/> is, as the JavaScript SDK's task list names it.</summary>
public enum CosUploadTaskState
{
    /// <summary>Queued, waiting for one of the queue's <c>FileParallelLimit</c> slots.</summary>
    Waiting,

    /// <summary>Started: looking for an upload to resume (checkpoint, ListMultipartUploads, ListParts) or initiating one.</summary>
    Checking,

    /// <summary>Sending data.</summary>
    Uploading,

    /// <summary>Paused by <see cref="CosUploadTask.Pause"/>; its multipart upload is kept, and <see cref="CosUploadTask.Restart"/> resumes it.</summary>
    Paused,

    /// <summary>Uploaded. Final.</summary>
    Success,

    /// <summary>Failed (<see cref="CosUploadTask.Error"/>); <see cref="CosUploadTask.Restart"/> tries again, resuming the parts already sent.</summary>
    Error,

    /// <summary>Canceled by <see cref="CosUploadTask.Cancel"/>. Final.</summary>
    Canceled,
}
