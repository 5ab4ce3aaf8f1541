using System.Buffers;
using System.IO.Hashing;
using Cos.Generated.Integrity;
using Cos.Generated.Pipeline;
using Microsoft.Win32.SafeHandles;

namespace Cos.Generated.Transfer;

internal sealed class ObjectDownloader(CosClient client)
{
    /// <summary>The suffix (after <see cref="CosClient.DownloadPartialSuffix"/>) of the resume checkpoint.</summary>
    private const string DownloadCheckpointSuffix = ".json";

    private const int DownloadBufferSize = 256 * 1024;

    /// <summary>The work of <see cref="CosClient.DownloadFileAsync"/>.</summary>
    public async Task<CosDownloadResult> DownloadFileAsync(string bucket, string key, string filePath, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options ??= new CosDownloadOptions();
        options.Validate();
        var fullPath = Path.GetFullPath(filePath);
        var partialPath = fullPath + CosClient.DownloadPartialSuffix;
        var checkpointPath = partialPath + DownloadCheckpointSuffix;

        var head = await client.HeadObjectAsync(new HeadObjectRequest
        {
            Bucket = bucket,
            Key = key,
            Region = options.Region,
            VersionId = options.VersionId,
            SseCustomerAlgorithm = options.CustomerKey?.CustomerAlgorithm,
            SseCustomerKey = options.CustomerKey?.CustomerKey,
            SseCustomerKeyMd5 = options.CustomerKey?.CustomerKeyMd5,
        }, cancellationToken).ConfigureAwait(false);
        var size = head.ContentLength ?? throw new CosResponseFormatException("HEAD of the object has no Content-Length.", 200, head.RequestId);
        var partSize = DownloadPartSize(options, size);
        var partCount = size == 0 ? 0 : (int)((size + partSize - 1) / partSize);

        var checkpoint = options.Resumable ? DownloadCheckpoint.Load(checkpointPath) : null;
        var resuming = checkpoint is not null
            && checkpoint.Describes(bucket, key, options.VersionId, head.ETag, size, partSize)
            && File.Exists(partialPath)
            && new FileInfo(partialPath).Length == size;
        if (!resuming)
        {
            DeleteDownloadFiles(partialPath, checkpointPath);
            checkpoint = new DownloadCheckpoint { Bucket = bucket, Key = key, VersionId = options.VersionId, ETag = head.ETag, Size = size, PartSize = partSize };
        }

        var succeeded = false;
        var keepPartial = options.Resumable;
        var checkpointGate = new Lock();
        var handle = File.OpenHandle(partialPath, resuming ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite, FileShare.Read, FileOptions.Asynchronous, preallocationSize: resuming ? 0 : size);
        try
        {
            if (RandomAccess.GetLength(handle) != size)
            {
                RandomAccess.SetLength(handle, size);
            }

            var partCrcs = new ulong[partCount];
            var completed = new bool[partCount];
            long resumedBytes = 0;
            if (resuming)
            {
                resumedBytes = await VerifyDownloadedPartsAsync(handle, checkpoint!, size, partSize, partCrcs, completed, cancellationToken).ConfigureAwait(false);
            }

            if (options.Resumable)
            {
                checkpoint!.Save(checkpointPath);
            }

            var throttle = new ProgressThrottle(progress, size, client.Options.ProgressInterval, client.Options.TimeProvider, resumedBytes);
            var lastSave = client.Options.TimeProvider.GetTimestamp();
            var missing = Enumerable.Range(0, partCount).Where(i => !completed[i]).ToArray();
            var budget = RetryBudget.ForParts(missing.Length);
            await BoundedParallel.ForEachAsync(
                missing.Length,
                options.ParallelLimit ?? client.Options.ChunkParallelLimit,
                async (next, partCt) =>
                {
                    var index = missing[next];
                    var start = index * partSize;
                    var length = Math.Min(partSize, size - start);
                    var crc = await DownloadRangeAsync(
                        bucket,
                        key,
                        options,
                        head.ETag,
                        start,
                        length,
                        ranged: partCount > 1,
                        (buffer, offset, ct) => RandomAccess.WriteAsync(handle, buffer, offset, ct),
                        hasher: null,
                        throttle,
                        budget,
                        partCt).ConfigureAwait(false);
                    partCrcs[index] = crc;
                    if (options.Resumable)
                    {
                        lock (checkpointGate)
                        {
                            checkpoint!.Parts.Add(new DownloadCheckpointPart { Index = index, Crc64 = crc });
                            var now = client.Options.TimeProvider.GetTimestamp();
                            if (client.Options.TimeProvider.GetElapsedTime(lastSave, now) >= CheckpointSaveInterval)
                            {
                                checkpoint.Save(checkpointPath);
                                lastSave = now;
                            }
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);

            ulong whole = 0;
            for (var i = 0; i < partCount; i++)
            {
                whole = CosCrc64.Combine(whole, partCrcs[i], Math.Min(partSize, size - (i * partSize)));
            }

            if (head.Crc64 is { } expected && expected != whole)
            {
                keepPartial = false;
                throw new CosIntegrityException($"The download of '{key}' has CRC-64 {whole}, COS reports {expected}.", expected, whole, head.RequestId);
            }

            handle.Dispose();
            File.Move(partialPath, fullPath, overwrite: true);
            DownloadTryDelete(checkpointPath);
            succeeded = true;
            throttle.Flush();
            return new CosDownloadResult { ETag = head.ETag, Size = size, Crc64 = whole, Crc64Verified = head.Crc64 is not null, PartCount = partCount, ResumedBytes = resumedBytes, VersionId = head.VersionId };
        }
        catch (CosObjectChangedException)
        {
            keepPartial = false;
            throw;
        }
        finally
        {
            handle.Dispose();
            if (!succeeded && !keepPartial)
            {
                DeleteDownloadFiles(partialPath, checkpointPath);
            }
            else if (!succeeded)
            {
                // Record every part finished since the last periodic save, so a resume skips them all.
                SaveCheckpointQuietly(checkpoint!, checkpointGate, checkpointPath);
            }
        }
    }

    /// <summary>The work of <see cref="CosClient.DownloadAsync"/>.</summary>
    public async Task<CosDownloadResult> DownloadAsync(string bucket, string key, Stream destination, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        options ??= new CosDownloadOptions();
        options.Validate();
        var head = await client.HeadObjectAsync(new HeadObjectRequest
        {
            Bucket = bucket,
            Key = key,
            Region = options.Region,
            VersionId = options.VersionId,
            SseCustomerAlgorithm = options.CustomerKey?.CustomerAlgorithm,
            SseCustomerKey = options.CustomerKey?.CustomerKey,
            SseCustomerKeyMd5 = options.CustomerKey?.CustomerKeyMd5,
        }, cancellationToken).ConfigureAwait(false);
        var size = head.ContentLength ?? throw new CosResponseFormatException("HEAD of the object has no Content-Length.", 200, head.RequestId);
        var partSize = DownloadPartSize(options, size);
        var partCount = size == 0 ? 0 : (int)((size + partSize - 1) / partSize);
        var throttle = new ProgressThrottle(progress, size, client.Options.ProgressInterval, client.Options.TimeProvider);
        var parallel = Math.Min(options.ParallelLimit ?? client.Options.ChunkParallelLimit, partCount);
        var budget = RetryBudget.ForParts(partCount);
        ulong whole;
        if (parallel > 1 && partSize <= MaxStreamBufferedPartSize)
        {
            whole = await DownloadInOrderAsync(bucket, key, options, head.ETag, size, partSize, partCount, parallel, destination, throttle, budget, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var hasher = CosCrc64.Create();
            for (var index = 0; index < partCount; index++)
            {
                var start = index * partSize;
                await DownloadRangeAsync(
                    bucket,
                    key,
                    options,
                    head.ETag,
                    start,
                    Math.Min(partSize, size - start),
                    ranged: partCount > 1,
                    (buffer, _, ct) => destination.WriteAsync(buffer, ct),
                    hasher,
                    throttle,
                    budget,
                    cancellationToken).ConfigureAwait(false);
            }

            whole = hasher.GetCurrentHashAsUInt64();
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (head.Crc64 is { } expected && expected != whole)
        {
            throw new CosIntegrityException($"The download of '{key}' has CRC-64 {whole}, COS reports {expected}.", expected, whole, head.RequestId);
        }

        throttle.Flush();
        return new CosDownloadResult { ETag = head.ETag, Size = size, Crc64 = whole, Crc64Verified = head.Crc64 is not null, PartCount = partCount, VersionId = head.VersionId };
    }

    /// <summary>The largest part a stream download buffers in memory to fetch ranges in parallel (64 MiB); larger parts are fetched one at a time.</summary>
    private const long MaxStreamBufferedPartSize = 64L * 1024 * 1024;

    /// <summary>
    /// Fetches up to <paramref name="parallel"/> ranges at once into pooled buffers and writes them to
    /// <paramref name="destination"/> in order (memory: <paramref name="parallel"/> × part size). The first
    /// failure cancels the ranges in flight. Returns the CRC-64 of the object, combined from the parts.
    /// </summary>
    private async Task<ulong> DownloadInOrderAsync(string bucket, string key, CosDownloadOptions options, string? etag, long size, long partSize, int partCount, int parallel, Stream destination, ProgressThrottle throttle, RetryBudget budget, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? firstFailure = null;
        var window = new Queue<Task<(byte[] Buffer, int Length, ulong Crc)>>();
        var next = 0;
        ulong whole = 0;

        async Task<(byte[] Buffer, int Length, ulong Crc)> FetchAsync(int index)
        {
            var start = index * partSize;
            var length = (int)Math.Min(partSize, size - start);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var crc = await DownloadRangeAsync(
                    bucket,
                    key,
                    options,
                    etag,
                    start,
                    length,
                    ranged: true,
                    (chunk, offset, _) =>
                    {
                        chunk.Span.CopyTo(buffer.AsSpan((int)(offset - start)));
                        return ValueTask.CompletedTask;
                    },
                    hasher: null,
                    throttle,
                    budget,
                    stop.Token).ConfigureAwait(false);
                return (buffer, length, crc);
            }
            catch (Exception ex)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                if (!(ex is OperationCanceledException && stop.IsCancellationRequested))
                {
                    Interlocked.CompareExchange(ref firstFailure, ex, null);
                }

                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        try
        {
            for (var index = 0; index < partCount; index++)
            {
                while (next < partCount && window.Count < parallel)
                {
                    window.Enqueue(FetchAsync(next++));
                }

                var (buffer, length, crc) = await window.Dequeue().ConfigureAwait(false);
                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, length), stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                whole = CosCrc64.Combine(whole, crc, length);
            }

            return whole;
        }
        catch (Exception ex)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            while (window.Count > 0)
            {
                var pending = window.Dequeue();
                try
                {
                    var (buffer, _, _) = await pending.ConfigureAwait(false);
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                catch (Exception) when (pending.IsFaulted || pending.IsCanceled)
                {
                    // Already reported through firstFailure, or canceled by this failure.
                }
            }

            if (firstFailure is { } failure && !ReferenceEquals(failure, ex) && ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }
    }

    /// <summary>The part size of a download: the option or default, grown so the object needs at most 10,000 ranges (which keeps checkpoints small).</summary>
    private long DownloadPartSize(CosDownloadOptions options, long size) => DownloadPartSize(options.PartSize, client.Options.ChunkSize, size);

    internal static long DownloadPartSize(long? partSize, long chunkSize, long size) =>
        Math.Max(partSize ?? Math.Max(chunkSize, CosDownloadOptions.DefaultPartSize), (size + UploadPartPlanner.MaxParts - 1) / UploadPartPlanner.MaxParts);

    /// <summary>
    /// Fetches <paramref name="length"/> bytes from <paramref name="start"/> and hands them to <paramref name="write"/>
    /// in order; a failed try is retried from the first byte not yet written. A try that moved bytes does not count
    /// against the range's own <see cref="CosClientOptions.ChunkRetryTimes"/> (a connection that keeps breaking
    /// half-way still moves forward), but every retry takes one from the transfer's <paramref name="budget"/>. The
    /// GETs are not retried by the pipeline as well: this loop is the range's one retrier. Returns the CRC-64 of the
    /// range (or appends to <paramref name="hasher"/>).
    /// </summary>
    private async Task<ulong> DownloadRangeAsync(
        string bucket,
        string key,
        CosDownloadOptions options,
        string? etag,
        long start,
        long length,
        bool ranged,
        Func<ReadOnlyMemory<byte>, long, CancellationToken, ValueTask> write,
        Crc64? hasher,
        ProgressThrottle throttle,
        RetryBudget budget,
        CancellationToken ct)
    {
        hasher ??= CosCrc64.Create();
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(DownloadBufferSize, Math.Max(length, 1)));
        try
        {
            long done = 0;
            var idleRetries = 0;
            while (true)
            {
                var before = done;
                try
                {
                    var from = start + done;
                    var rangeRequested = ranged || done > 0;
                    using var response = await client.GetObjectAsync(
                        new GetObjectRequest
                        {
                            Bucket = bucket,
                            Key = key,
                            Region = options.Region,
                            VersionId = options.VersionId,
                            IfMatch = etag,
                            Range = rangeRequested ? HttpRange.Format(from, length - done) : null,
                            TrafficLimit = options.TrafficLimit,
                            SseCustomerAlgorithm = options.CustomerKey?.CustomerAlgorithm,
                            SseCustomerKey = options.CustomerKey?.CustomerKey,
                            SseCustomerKeyMd5 = options.CustomerKey?.CustomerKeyMd5,
                            RequestOptions = SingleTry,
                        },
                        ct).ConfigureAwait(false);
                    if (etag is not null && response.ETag is { } actual && actual != etag)
                    {
                        throw new CosObjectChangedException(bucket, key, etag, actual, response.RequestId);
                    }

                    if (rangeRequested && response.StatusCode != 206)
                    {
                        throw new CosResponseFormatException($"A ranged GET of '{key}' answered {response.StatusCode} instead of 206.", response.StatusCode, response.RequestId);
                    }

                    while (done < length)
                    {
                        var read = await response.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), ct).ConfigureAwait(false);
                        if (read == 0)
                        {
                            throw new IOException($"The response for '{key}' ended after {done} of {length} bytes of the range at {start}.");
                        }

                        var chunk = buffer.AsMemory(0, read);
                        await write(chunk, start + done, ct).ConfigureAwait(false);
                        hasher.Append(chunk.Span);
                        done += read;
                        throttle.Add(read);
                    }

                    return hasher.GetCurrentHashAsUInt64();
                }
                catch (CosException ex) when (ex.StatusCode == 412 && ex is not CosObjectChangedException)
                {
                    throw new CosObjectChangedException(bucket, key, etag, null, ex.RequestId, ex);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested
                    && RetryClassifier.IsRetryable(ex, Protocol.CosOperationSafety.ReadOnly)
                    && (done > before || idleRetries < client.Options.ChunkRetryTimes)
                    && budget.TryTake())
                {
                    idleRetries = done > before ? 0 : idleRetries + 1;
                    await RetryBackoff.DelayAsync(client.Options, Math.Max(idleRetries - 1, 0), null, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Per-call options of requests a transfer retries itself: one try each.</summary>
    private static readonly CosRequestOptions SingleTry = new() { MaxRetries = 0 };

    /// <summary>
    /// Re-reads the parts a checkpoint says are complete and keeps those whose CRC-64 still matches;
    /// returns how many bytes were kept.
    /// </summary>
    private static async Task<long> VerifyDownloadedPartsAsync(SafeFileHandle handle, DownloadCheckpoint checkpoint, long size, long partSize, ulong[] partCrcs, bool[] completed, CancellationToken ct)
    {
        long kept = 0;
        var verified = new List<DownloadCheckpointPart>();
        var buffer = ArrayPool<byte>.Shared.Rent(DownloadBufferSize);
        try
        {
            foreach (var part in checkpoint.Parts)
            {
                if (part.Index < 0 || part.Index >= completed.Length || completed[part.Index])
                {
                    continue;
                }

                var start = part.Index * partSize;
                var length = Math.Min(partSize, size - start);
                var hasher = CosCrc64.Create();
                long done = 0;
                while (done < length)
                {
                    var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), start + done, ct).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    hasher.Append(buffer.AsSpan(0, read));
                    done += read;
                }

                if (done == length && hasher.GetCurrentHashAsUInt64() == part.Crc64)
                {
                    completed[part.Index] = true;
                    partCrcs[part.Index] = part.Crc64;
                    verified.Add(part);
                    kept += length;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        checkpoint.Parts = verified;
        return kept;
    }

    /// <summary>How often a running download rewrites its checkpoint (also written when it fails or is canceled).</summary>
    private static readonly TimeSpan CheckpointSaveInterval = TimeSpan.FromSeconds(1);

    private static void SaveCheckpointQuietly(DownloadCheckpoint checkpoint, Lock gate, string path)
    {
        try
        {
            lock (gate)
            {
                checkpoint.Save(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The parts since the last save are fetched again next time.
        }
    }

    private static void DeleteDownloadFiles(string partialPath, string checkpointPath)
    {
        DownloadTryDelete(checkpointPath);
        DownloadTryDelete(checkpointPath + ".tmp");
        DownloadTryDelete(partialPath);
    }

    private static void DownloadTryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind; the next download of the same path replaces it.
        }
    }
}
