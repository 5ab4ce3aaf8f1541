using Cos.Generated.Transfer;

namespace Cos.Generated;

public sealed partial class CosClient
{
    /// <summary>
    /// Uploads several files, up to <paramref name="fileParallelLimit"/> at once (JS <c>uploadFiles</c>), each as
    /// <see cref="UploadFileAsync"/> would: multipart and resumable above <see cref="CosClientOptions.SliceSize"/>,
    /// CRC-64 checked. One file's failure does not stop the others: every file gets an outcome, in the order given.
    /// </summary>
    /// <param name="files">The files; each may carry its own options and progress.</param>
    /// <param name="fileParallelLimit">Files at once; null uses <see cref="CosClientOptions.FileParallelLimit"/>.</param>
    /// <param name="progress">The summed progress of all files (bytes of every file, total of their sizes).</param>
    /// <param name="cancellationToken">Stops every upload; their multipart uploads are kept or aborted as each file's options say.</param>
    /// <exception cref="ArgumentException">A file lacks a bucket, key or path, or has invalid options; nothing was uploaded.</exception>
    /// <exception cref="OperationCanceledException">Canceled.</exception>
    public async Task<CosBatchUploadResult> UploadFilesAsync(IEnumerable<CosFileUpload> files, int? fileParallelLimit = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToArray();
        foreach (var file in list)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            file.Validate();
        }

        var limit = fileParallelLimit ?? Options.FileParallelLimit;
        if (limit < 1 || limit > CosClientOptions.MaxParallelLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(fileParallelLimit), limit, $"The file parallel limit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }

        var summed = new BatchProgress(list.Select(f => FileSizeOrZero(f.FilePath)).ToArray(), progress, Options.ProgressInterval, Options.TimeProvider);
        var outcomes = new CosFileUploadOutcome[list.Length];
        var next = -1;

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < list.Length)
            {
                var file = list[index];
                try
                {
                    var result = await UploadFileCoreAsync(file.Bucket, file.Key, file.FilePath, file.Options, summed.ForFile(index, file.Progress), hooks: null, cancellationToken).ConfigureAwait(false);
                    outcomes[index] = new CosFileUploadOutcome(file, result, null);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    outcomes[index] = new CosFileUploadOutcome(file, null, ex);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(limit, list.Length)).Select(_ => Task.Run(WorkAsync, cancellationToken))).ConfigureAwait(false);
        summed.Flush();
        return new CosBatchUploadResult(outcomes);
    }

    /// <summary>
    /// Uploads every file under a directory, keyed by <see cref="CosDirectoryUploadOptions.KeyPrefix"/> plus its
    /// relative path with <c>/</c> separators, as <see cref="UploadFilesAsync"/> does (hidden files included;
    /// filter with <see cref="CosDirectoryUploadOptions.Filter"/>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="OperationCanceledException">Canceled.</exception>
    public Task<CosBatchUploadResult> UploadDirectoryAsync(string bucket, string directory, CosDirectoryUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new CosDirectoryUploadOptions();
        var root = new DirectoryInfo(Path.GetFullPath(directory));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"The directory to upload does not exist: {root.FullName}");
        }

        var enumeration = new EnumerationOptions { RecurseSubdirectories = options.Recursive, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = new List<CosFileUpload>();
        foreach (var file in root.EnumerateFiles("*", enumeration))
        {
            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (options.Filter is null || options.Filter(relative, file))
            {
                files.Add(new CosFileUpload(bucket, options.KeyPrefix + relative, file.FullName) { Options = options.UploadOptions });
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return UploadFilesAsync(files, options.FileParallelLimit, progress, cancellationToken);
    }

    private static long FileSizeOrZero(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }
}
