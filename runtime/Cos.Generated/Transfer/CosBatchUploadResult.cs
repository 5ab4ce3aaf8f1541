namespace Cos.Generated.Transfer;

/// <summary>The outcome of every file of <see cref="CosClient.UploadFilesAsync"/> or <see cref="CosClient.UploadDirectoryAsync"/>, in the order given.</summary>
public sealed class CosBatchUploadResult
{
    internal CosBatchUploadResult(IReadOnlyList<CosFileUploadOutcome> files) => Files = files;

    /// <summary>One outcome per file, in the order the files were given (for a directory: ordinal order of the keys).</summary>
    public IReadOnlyList<CosFileUploadOutcome> Files { get; }

    /// <summary>How many files were uploaded.</summary>
    public int SucceededCount => Files.Count(f => f.Succeeded);

    /// <summary>How many files failed.</summary>
    public int FailedCount => Files.Count(f => !f.Succeeded);

    /// <summary>Throws an <see cref="AggregateException"/> of every file's error when any file failed.</summary>
    /// <exception cref="AggregateException">One or more files failed; its inner exceptions are their errors, in file order.</exception>
    public void ThrowIfAnyFailed()
    {
        var errors = Files.Where(f => f.Error is not null).Select(f => f.Error!).ToList();
        if (errors.Count > 0)
        {
            throw new AggregateException($"{errors.Count} of {Files.Count} files failed to upload.", errors);
        }
    }
}
