namespace Cos.Generated.Transfer;

/// <summary>What changed in a <see cref="CosUploadQueue"/>.</summary>
public enum CosUploadTaskChange
{
    /// <summary>The task was added to the queue.</summary>
    Added,

    /// <summary>The task's state changed.</summary>
    StateChanged,

    /// <summary>The task's progress changed (at most once per <see cref="CosClientOptions.ProgressInterval"/>, plus at completion).</summary>
    Progress,

    /// <summary>The finished task was pruned from the queue (past <see cref="CosUploadQueueOptions.UploadQueueSize"/>).</summary>
    Removed,
}

/// <summary>Data of <see cref="CosUploadQueue.TaskChanged"/>: the task, what changed, and its state and progress at that moment.</summary>
public sealed class CosUploadTaskChangedEventArgs : EventArgs
{
    internal CosUploadTaskChangedEventArgs(CosUploadTask task, CosUploadTaskChange change, CosUploadTaskState state, CosTransferProgress progress)
    {
        Task = task;
        Change = change;
        State = state;
        Progress = progress;
    }

    /// <summary>The task.</summary>
    public CosUploadTask Task { get; }

    /// <summary>What changed.</summary>
    public CosUploadTaskChange Change { get; }

    /// <summary>The task's state when the event was raised (it may have moved on since).</summary>
    public CosUploadTaskState State { get; }

    /// <summary>The task's progress when the event was raised.</summary>
    public CosTransferProgress Progress { get; }

    /// <summary>The change's place in the order of the queue's changes; events are raised in this order.</summary>
    internal long Sequence { get; init; }
}
