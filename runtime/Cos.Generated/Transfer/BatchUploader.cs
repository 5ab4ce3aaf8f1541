
namespace Cos.Generated.Transfer;

internal sealed class BatchUploader(CosClient client)
{
    /// <summary>The work of <see cref="CosClient.UploadFilesAsync"/>.</summary>
    public async Task<CosBatchUploadResult> UploadFilesAsync(IEnumerable<CosFileUpload> files, int? fileParallelLimit = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToArray();
        foreach (var file in list)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            file.Validate();
        }

        var limit = fileParallelLimit ?? client.Options.FileParallelLimit;
        if (limit < 1 || limit > CosClientOptions.MaxParallelLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(fileParallelLimit), limit, $"The file parallel limit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }

        var summed = new BatchProgress(list.Select(f => FileSizeOrZero(f.FilePath)).ToArray(), progress, client.Options.ProgressInterval, client.Options.TimeProvider);
        var outcomes = new CosFileUploadOutcome[list.Length];
        await BoundedParallel.ForEachAsync(
            list.Length,
            limit,
            async (index, _) =>
            {
                // One file's failure is its outcome, not the batch's: the others go on (the caller's cancel stops all).
                var file = list[index];
                try
                {
                    var result = await TransferTelemetry.RunAsync(client, CosTransferDirection.Upload, file.Bucket, file.Key, () => client.Uploads.UploadFileCoreAsync(file.Bucket, file.Key, file.FilePath, file.Options, summed.ForFile(index, file.Progress), hooks: null, cancellationToken), static r => r.Size).ConfigureAwait(false);
                    outcomes[index] = new CosFileUploadOutcome(file, result, null);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    outcomes[index] = new CosFileUploadOutcome(file, null, ex);
                }
            },
            cancellationToken).ConfigureAwait(false);
        summed.Flush();
        return new CosBatchUploadResult(outcomes);
    }

    /// <summary>The work of <see cref="CosClient.UploadDirectoryAsync"/>.</summary>
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
