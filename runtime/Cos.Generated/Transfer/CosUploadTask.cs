namespace Cos.Generated.Transfer;

/// <summary>
/// One file in a <see cref="CosUploadQueue"/> (the JavaScript SDK's task): its id, state, progress and outcome,
/// with <see cref="Pause"/>, <see cref="Restart"/> and <see cref="Cancel"/>. Thread-safe; the queue changes it.
/// </summary>
public sealed class CosUploadTask
{
    private readonly CosUploadQueue _queue;

    // Written by the queue under its lock (CosTransferProgress is too wide to read without it).
    internal CosUploadTaskState _state;
    internal CosTransferProgress _progress;
    internal CosUploadResult? _result;
    internal Exception? _error;
    internal string? _uploadId;

    internal CosUploadTask(CosUploadQueue queue, CosFileUpload upload, long size)
    {
        _queue = queue;
        Upload = upload;
        Size = size;
        _progress = new CosTransferProgress(0, size, 0);
    }

    /// <summary>The task's id, unique in its queue.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The file, key, bucket and options.</summary>
    public CosFileUpload Upload { get; }

    /// <summary>The file's size when the task was added.</summary>
    public long Size { get; }

    /// <summary>The current state.</summary>
    public CosUploadTaskState State
    {
        get { lock (_queue.Gate) { return _state; } }
    }

    /// <summary>The latest progress (parts already on the server count as loaded).</summary>
    public CosTransferProgress Progress
    {
        get { lock (_queue.Gate) { return _progress; } }
    }

    /// <summary>The result, once <see cref="CosUploadTaskState.Success"/>.</summary>
    public CosUploadResult? Result
    {
        get { lock (_queue.Gate) { return _result; } }
    }

    /// <summary>Why the task failed, when <see cref="CosUploadTaskState.Error"/>.</summary>
    public Exception? Error
    {
        get { lock (_queue.Gate) { return _error; } }
    }

    /// <summary>The id of the multipart upload kept on the server after a pause or failure, if any.</summary>
    public string? UploadId
    {
        get { lock (_queue.Gate) { return _uploadId; } }
    }

    /// <summary>The run in progress (null when not running); guarded by the queue's lock.</summary>
    internal CancellationTokenSource? Run { get; set; }

    /// <summary>Why the run in progress is being stopped; guarded by the queue's lock.</summary>
    internal CosUploadTaskState? StopRequested { get; set; }

    /// <summary>Completed with the final state when the task succeeds, fails or is canceled; replaced on a restart after an error.</summary>
    internal TaskCompletionSource<CosUploadTaskState> Finished { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Pauses a waiting or running task; a running one stops its requests and keeps its multipart upload for <see cref="Restart"/>.</summary>
    /// <returns>False when the task was not waiting, checking or uploading.</returns>
    public bool Pause() => _queue.Pause(this);

    /// <summary>Queues a paused or failed task again; a multipart upload resumes from the parts already on the server.</summary>
    /// <returns>False when the task was not paused or failed.</returns>
    public bool Restart() => _queue.Restart(this);

    /// <summary>
    /// Cancels a task that has not succeeded; a running one stops its requests. Its multipart upload is kept or
    /// aborted as <see cref="CosUploadOptions.OnFailure"/> says (kept by default, as the JavaScript SDK does).
    /// </summary>
    /// <returns>False when the task had already succeeded or been canceled.</returns>
    public bool Cancel() => _queue.Cancel(this);

    /// <summary>Waits until the task succeeds, fails or is canceled (a paused task keeps it waiting).</summary>
    /// <returns>The final state: <see cref="CosUploadTaskState.Success"/>, <see cref="CosUploadTaskState.Error"/> or <see cref="CosUploadTaskState.Canceled"/>.</returns>
    public Task<CosUploadTaskState> WaitAsync(CancellationToken cancellationToken = default) => _queue.WaitAsync(this, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"CosUploadTask {{ Id = {Id}, Key = {Upload.Key}, State = {State}, Loaded = {Progress.Loaded.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Size} }}";
}
