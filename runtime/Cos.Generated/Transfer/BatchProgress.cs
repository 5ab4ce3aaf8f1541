namespace Cos.Generated.Transfer;

/// <summary>Adds the progress of the files of a batch into one summed progress, and forwards each file's own.</summary>
internal sealed class BatchProgress
{
    private readonly ProgressThrottle _summed;
    private readonly long[] _loaded;

    public BatchProgress(long[] sizes, IProgress<CosTransferProgress>? progress, TimeSpan interval, TimeProvider time)
    {
        _loaded = new long[sizes.Length];
        _summed = new ProgressThrottle(progress, sizes.Sum(), interval, time);
    }

    /// <summary>The progress to give file <paramref name="index"/>'s upload; it also reports to <paramref name="own"/>.</summary>
    public IProgress<CosTransferProgress> ForFile(int index, IProgress<CosTransferProgress>? own) => new FileProgress(this, index, own);

    public void Flush() => _summed.Flush();

    private sealed class FileProgress(BatchProgress batch, int index, IProgress<CosTransferProgress>? own) : IProgress<CosTransferProgress>
    {
        public void Report(CosTransferProgress value)
        {
            // One file's reports are serialized by its own throttle, so the difference is exact.
            var delta = value.Loaded - batch._loaded[index];
            batch._loaded[index] = value.Loaded;
            batch._summed.Add(delta);
            own?.Report(value);
        }
    }
}
