namespace Cos.Generated.Transfer;

/// <summary>Settings of a <see cref="CosUploadQueue"/>; null values use the client's options.</summary>
public sealed class CosUploadQueueOptions
{
    /// <summary>Tasks uploading at once; null uses <see cref="CosClientOptions.FileParallelLimit"/>.</summary>
    public int? FileParallelLimit { get; init; }

    /// <summary>
    /// How many tasks the queue keeps; past it, finished tasks (success, error, canceled) are pruned, oldest first.
    /// Null uses <see cref="CosClientOptions.UploadQueueSize"/>.
    /// </summary>
    public int? UploadQueueSize { get; init; }
}
