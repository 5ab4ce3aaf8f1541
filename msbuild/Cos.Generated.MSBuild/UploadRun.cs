using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Checks and uploads the planned files, <see cref="FileParallelLimit"/> at a time: HEAD each key unless
/// <see cref="Force"/>, skip unchanged objects, upload the rest through the transfer engine (multipart above the
/// slice size, retries, CRC-64 checks), and log one line per file through the <see cref="LogPump"/>.
/// One file's failure does not stop the others; a cancel stops them all.
/// </summary>
internal sealed class UploadRun(CosClient client, string bucket, IReadOnlyList<PlannedUpload> uploads, TaskLoggingHelper log, LogPump pump)
{
    public int FileParallelLimit { get; init; } = 3;

    public bool Force { get; init; }

    public bool DryRun { get; init; }

    /// <summary>One outcome per planned file, in plan order; null for files a cancel kept from finishing.</summary>
    public FileOutcome?[] Outcomes { get; } = new FileOutcome?[uploads.Count];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = FileParallelLimit, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, uploads.Count), parallel, async (index, _) =>
        {
            Outcomes[index] = await ProcessAsync(uploads[index], cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<FileOutcome> ProcessAsync(PlannedUpload upload, CancellationToken cancellationToken)
    {
        var target = $"cos://{bucket}/{upload.Key}";
        try
        {
            return await CheckAndUploadAsync(upload, target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // COS's own refusals get COS005; network, I/O (a file that vanished) and CRC-64 mismatches get COS006.
            var code = ex is CosException and not CosIntegrityException ? CosErrorCodes.UploadRejected : CosErrorCodes.UploadFailed;
            var message = $"Upload of {upload.FilePath} to {target} failed: {Describe(ex)}";
            pump.Post(() => log.LogError(null, code, null, null, 0, 0, 0, 0, message));
            return new FileOutcome(FileOutcomeKind.Failed);
        }
    }

    private async Task<FileOutcome> CheckAndUploadAsync(PlannedUpload upload, string target, CancellationToken cancellationToken)
    {
        RemoteComparison? remote = null;
        if (!Force)
        {
            remote = await RemoteObjectComparer.CompareAsync(client, bucket, upload, cancellationToken).ConfigureAwait(false);
            switch (remote.State)
            {
                case RemoteState.Unchanged:
                    Message($"{(DryRun ? "Would skip" : "Skipped")} {upload.FilePath}: {target} already has the same content");
                    return new FileOutcome(FileOutcomeKind.Unchanged, Remote: remote);
                case RemoteState.Unknown:
                    var problem = remote.Problem;
                    pump.Post(() => log.LogWarning(null, CosErrorCodes.CheckFailed, null, null, 0, 0, 0, 0,
                        $"Could not check {target} before uploading ({problem}); {(DryRun ? "it would be uploaded" : "uploading it")}."));
                    break;
            }
        }

        if (DryRun)
        {
            var why = remote?.State switch
            {
                RemoteState.Missing => "new",
                RemoteState.Changed => "changed",
                _ => "not checked",
            };
            Message($"Would upload {upload.FilePath} to {target} ({ByteFormat.Size(upload.Size)}, {why})");
            return new FileOutcome(FileOutcomeKind.WouldUpload, Remote: remote);
        }

        var result = await client.UploadFileAsync(bucket, upload.Key, upload.FilePath, upload.Options, progress: null, cancellationToken).ConfigureAwait(false);
        var how = result.PartCount > 0 ? $"{result.PartCount} parts" : "one PUT";
        Message($"Uploaded {upload.FilePath} to {target} ({ByteFormat.Size(result.Size)}, {how}, ETag {result.ETag})");
        return new FileOutcome(FileOutcomeKind.Uploaded, result, remote);
    }

    /// <summary>The exception's message with the COS request id, which support needs, even when the message lacks it.</summary>
    private static string Describe(Exception ex)
    {
        var text = ex.Message;
        if (ex is CosException { RequestId: { Length: > 0 } requestId } && !text.Contains(requestId, StringComparison.Ordinal))
        {
            text += $" (request id {requestId})";
        }

        return ex.InnerException is { } inner && ex is not CosException ? $"{text} ({inner.Message})" : text;
    }

    private void Message(string text) => pump.Post(() => log.LogMessage(MessageImportance.Normal, text));
}
