namespace Cos.Generated.Transfer;

/// <summary>
/// A list of file uploads run up to <see cref="CosUploadQueueOptions.FileParallelLimit"/> at a time in the order
/// added, like the JavaScript SDK's task list: each <see cref="CosUploadTask"/> goes waiting → checking →
/// uploading → success or error, and can be paused, restarted (resuming its multipart upload) or canceled.
/// Thread-safe. <see cref="TaskChanged"/> is raised outside the queue's lock, strictly in the order of the changes.
/// Disposing pauses what is running (multipart uploads are kept) and waits for it to stop.
/// </summary>
public sealed class CosUploadQueue : IAsyncDisposable
{
    private readonly CosClient _client;
    private readonly int _parallelLimit;
    private readonly int _queueSize;
    private readonly List<CosUploadTask> _tasks = [];
    private int _running;
    private bool _disposed;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>Creates an empty queue that uploads with <paramref name="client"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public CosUploadQueue(CosClient client, CosUploadQueueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _parallelLimit = options?.FileParallelLimit ?? client.Options.FileParallelLimit;
        _queueSize = options?.UploadQueueSize ?? client.Options.UploadQueueSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(_parallelLimit, 1, "FileParallelLimit");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_parallelLimit, CosClientOptions.MaxParallelLimit, "FileParallelLimit");
        ArgumentOutOfRangeException.ThrowIfLessThan(_queueSize, 1, "UploadQueueSize");
    }

    private readonly object _raiseGate = new();
    private readonly Dictionary<long, CosUploadTaskChangedEventArgs> _unraised = [];
    private long _nextSequence;
    private long _nextToRaise;

    /// <summary>Raised when a task is added, changes state, makes progress or is pruned. Raised in the order the changes were made. Handlers must not throw.</summary>
    public event EventHandler<CosUploadTaskChangedEventArgs>? TaskChanged;

    /// <summary>Guards every task's state.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>A snapshot of the tasks, in the order they were added.</summary>
    public IReadOnlyList<CosUploadTask> Tasks
    {
        get
        {
            lock (Gate)
            {
                return _tasks.ToArray();
            }
        }
    }

    /// <summary>True while a task is waiting, checking or uploading (JS <c>isUploadRunning</c>).</summary>
    public bool IsRunning
    {
        get
        {
            lock (Gate)
            {
                return IsBusy();
            }
        }
    }

    /// <summary>Adds a file to the queue; it starts as soon as a slot is free.</summary>
    /// <exception cref="ArgumentException">The bucket, key or path is missing, or the options are invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ObjectDisposedException">The queue was disposed.</exception>
    public CosUploadTask Enqueue(CosFileUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        upload.Validate();
        var file = new FileInfo(Path.GetFullPath(upload.FilePath));
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file to upload does not exist: {file.FullName}", file.FullName);
        }

        var task = new CosUploadTask(this, upload, file.Length);
        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _tasks.Add(task);
            events.Add(Event(task, CosUploadTaskChange.Added));
            Pump(events);
            Prune(events);
        }

        Raise(events);
        return task;
    }

    /// <summary>Adds a file to the queue (see <see cref="Enqueue(CosFileUpload)"/>).</summary>
    public CosUploadTask Enqueue(string bucket, string key, string filePath, CosUploadOptions? options = null) =>
        Enqueue(new CosFileUpload(bucket, key, filePath) { Options = options });

    /// <summary>The task with this id, or null (unknown or pruned).</summary>
    public CosUploadTask? Find(string id)
    {
        lock (Gate)
        {
            return _tasks.Find(t => t.Id == id);
        }
    }

    /// <summary>Waits until no task is waiting, checking or uploading (paused and failed tasks do not count).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (Gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Pauses every running task (keeping their multipart uploads) and waits until they have stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        var stopping = new List<CancellationTokenSource>();
        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var task in _tasks)
            {
                if (task._state is CosUploadTaskState.Waiting or CosUploadTaskState.Checking or CosUploadTaskState.Uploading)
                {
                    StopOrSet(task, CosUploadTaskState.Paused, stopping, events);
                }
            }

            if (_running == 0)
            {
                _idle.TrySetResult();
            }
        }

        Stop(stopping);
        Raise(events);
        Task idle;
        lock (Gate)
        {
            idle = _running == 0 ? Task.CompletedTask : _idle.Task;
        }

        await idle.ConfigureAwait(false);
    }

    internal bool Pause(CosUploadTask task)
    {
        var stopping = new List<CancellationTokenSource>();
        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            if (task._state is not (CosUploadTaskState.Waiting or CosUploadTaskState.Checking or CosUploadTaskState.Uploading))
            {
                return false;
            }

            StopOrSet(task, CosUploadTaskState.Paused, stopping, events);
            Pump(events);
        }

        Stop(stopping);
        Raise(events);
        return true;
    }

    internal bool Restart(CosUploadTask task)
    {
        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (task._state is not (CosUploadTaskState.Paused or CosUploadTaskState.Error) || !_tasks.Contains(task))
            {
                return false;
            }

            if (task._state == CosUploadTaskState.Error)
            {
                task.Finished = new TaskCompletionSource<CosUploadTaskState>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            // A run still stopping after a pause keeps its stop reason (its upload is kept) and is started again
            // when it has stopped: Pump skips tasks whose run has not ended.
            task._error = null;
            SetState(task, CosUploadTaskState.Waiting, events);
            Pump(events);
        }

        Raise(events);
        return true;
    }

    internal bool Cancel(CosUploadTask task)
    {
        var stopping = new List<CancellationTokenSource>();
        var events = new List<CosUploadTaskChangedEventArgs>();
        string? keptUploadId = null;
        lock (Gate)
        {
            if (task._state is CosUploadTaskState.Success or CosUploadTaskState.Canceled)
            {
                return false;
            }

            var running = task.Run is not null;
            StopOrSet(task, CosUploadTaskState.Canceled, stopping, events);
            if (!running)
            {
                // Paused or failed: its upload is no longer running, so the kept multipart upload is dealt with here.
                keptUploadId = task._uploadId;
                if (task.Finished.Task.IsCompleted)
                {
                    // A failed task's waiters already saw Error; from now on the final state is Canceled.
                    task.Finished = new TaskCompletionSource<CosUploadTaskState>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                task.Finished.TrySetResult(CosUploadTaskState.Canceled);
                Pump(events);
            }
        }

        Stop(stopping);
        Raise(events);
        if (keptUploadId is not null && FailureAction(task) == CosUploadFailureAction.Abort)
        {
            _ = _client.Uploads.AbortKeptUploadAsync(task.Upload, keptUploadId);
        }

        return true;
    }

    internal Task<CosUploadTaskState> WaitAsync(CosUploadTask task, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            return task.Finished.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Starts waiting tasks, in order, while slots are free. Under the lock.</summary>
    private void Pump(List<CosUploadTaskChangedEventArgs> events)
    {
        for (var i = 0; i < _tasks.Count && _running < _parallelLimit && !_disposed; i++)
        {
            var task = _tasks[i];
            if (task._state == CosUploadTaskState.Waiting && task.Run is null)
            {
                task.Run = new CancellationTokenSource();
                _running++;
                SetState(task, CosUploadTaskState.Checking, events);
                var run = task.Run;
                _ = Task.Run(() => RunAsync(task, run.Token));
            }
        }

        UpdateIdle();
    }

    private async Task RunAsync(CosUploadTask task, CancellationToken cancellationToken)
    {
        CosUploadResult? result = null;
        Exception? error = null;
        try
        {
            var hooks = new UploadHooks
            {
                Uploading = () => Uploading(task),
                FailureAction = () => StopReason(task) == CosUploadTaskState.Paused ? CosUploadFailureAction.Keep : FailureAction(task),
            };
            result = await TransferTelemetry.RunAsync(_client, CosTransferDirection.Upload, task.Upload.Bucket, task.Upload.Key, () => _client.Uploads.UploadFileCoreAsync(task.Upload.Bucket, task.Upload.Key, task.Upload.FilePath, task.Upload.Options, new TaskProgress(this, task), hooks, cancellationToken), static r => r.Size).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            task.Run!.Dispose();
            task.Run = null;
            task.StopRequested = null;
            _running--;
            if (result is not null)
            {
                // Done is done, even when a pause or cancel came too late to stop it.
                task._result = result;
                task._uploadId = null;
                SetState(task, CosUploadTaskState.Success, events);
                task.Finished.TrySetResult(CosUploadTaskState.Success);
            }
            else
            {
                task._uploadId = error!.Data[CosClient.UploadIdDataKey] as string;
                switch (task._state)
                {
                    case CosUploadTaskState.Canceled:
                        task.Finished.TrySetResult(CosUploadTaskState.Canceled);
                        break;
                    case CosUploadTaskState.Checking or CosUploadTaskState.Uploading:
                        task._error = error;
                        SetState(task, CosUploadTaskState.Error, events);
                        task.Finished.TrySetResult(CosUploadTaskState.Error);
                        break;
                    default:
                        // Paused, or restarted while it was stopping (then Pump starts it again below).
                        break;
                }
            }

            Pump(events);
            Prune(events);
        }

        Raise(events);
    }

    private void Uploading(CosUploadTask task)
    {
        var events = new List<CosUploadTaskChangedEventArgs>();
        lock (Gate)
        {
            if (task._state == CosUploadTaskState.Checking)
            {
                SetState(task, CosUploadTaskState.Uploading, events);
            }
        }

        Raise(events);
    }

    private void Progressed(CosUploadTask task, CosTransferProgress progress)
    {
        CosUploadTaskChangedEventArgs change;
        lock (Gate)
        {
            task._progress = progress;
            change = Event(task, CosUploadTaskChange.Progress);
        }

        Raise([change]);
    }

    private CosUploadTaskState? StopReason(CosUploadTask task)
    {
        lock (Gate)
        {
            return task.StopRequested;
        }
    }

    private static CosUploadFailureAction FailureAction(CosUploadTask task) => task.Upload.Options?.OnFailure ?? CosUploadFailureAction.Keep;

    /// <summary>Sets a waiting task's new state at once; a running one's too, and asks its run to stop. Under the lock.</summary>
    private void StopOrSet(CosUploadTask task, CosUploadTaskState state, List<CancellationTokenSource> stopping, List<CosUploadTaskChangedEventArgs> events)
    {
        if (task.Run is { } run)
        {
            task.StopRequested = state;
            stopping.Add(run);
        }

        SetState(task, state, events);
    }

    private void SetState(CosUploadTask task, CosUploadTaskState state, List<CosUploadTaskChangedEventArgs> events)
    {
        if (task._state != state)
        {
            task._state = state;
            events.Add(Event(task, CosUploadTaskChange.StateChanged));
        }
    }

    /// <summary>Drops the oldest finished tasks while the queue is over its size. Under the lock.</summary>
    private void Prune(List<CosUploadTaskChangedEventArgs> events)
    {
        for (var i = 0; i < _tasks.Count && _tasks.Count > _queueSize;)
        {
            var task = _tasks[i];
            if (task.Run is null && task._state is CosUploadTaskState.Success or CosUploadTaskState.Error or CosUploadTaskState.Canceled)
            {
                _tasks.RemoveAt(i);
                events.Add(Event(task, CosUploadTaskChange.Removed));
            }
            else
            {
                i++;
            }
        }

        UpdateIdle();
    }

    private bool IsBusy() => _running > 0 || (!_disposed && _tasks.Exists(t => t._state == CosUploadTaskState.Waiting));

    private void UpdateIdle()
    {
        if (IsBusy())
        {
            if (_idle.Task.IsCompleted)
            {
                _idle = NewIdle(completed: false);
            }
        }
        else
        {
            _idle.TrySetResult();
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    /// <summary>A change, numbered in the order the changes were made. Under the lock.</summary>
    private CosUploadTaskChangedEventArgs Event(CosUploadTask task, CosUploadTaskChange change) =>
        new(task, change, task._state, task._progress) { Sequence = _nextSequence++ };

    private static void Stop(List<CancellationTokenSource> runs)
    {
        foreach (var run in runs)
        {
            try
            {
                run.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended between the lock and here.
            }
        }
    }

    /// <summary>
    /// Raises <paramref name="events"/> and any earlier-numbered ones other threads have not raised yet, strictly in the
    /// order the changes were made: changes are numbered under the queue's lock but raised outside it, so without this a
    /// run that starts uploading could report Uploading before the thread that started it reported Checking. A thread
    /// that finds an earlier change still unraised leaves its own to the thread that raises that one.
    /// </summary>
    private void Raise(List<CosUploadTaskChangedEventArgs> events)
    {
        lock (_raiseGate)
        {
            foreach (var change in events)
            {
                _unraised.Add(change.Sequence, change);
            }

            // The raise lock is never taken under the queue's lock, so a handler may call back into the queue (a
            // nested Raise on this thread continues the same ordered drain).
            while (_unraised.Remove(_nextToRaise, out var next))
            {
                _nextToRaise++;
                TaskChanged?.Invoke(this, next);
            }
        }
    }

    /// <summary>Records a task's progress and forwards it to the file's own progress.</summary>
    private sealed class TaskProgress(CosUploadQueue queue, CosUploadTask task) : IProgress<CosTransferProgress>
    {
        public void Report(CosTransferProgress value)
        {
            queue.Progressed(task, value);
            task.Upload.Progress?.Report(value);
        }
    }
}
