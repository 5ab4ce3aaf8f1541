using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Cos.Generated.Integrity;
using Cos.Generated.Pipeline;
using Cos.Generated.Protocol;
using Microsoft.Win32.SafeHandles;

namespace Cos.Generated.Transfer;

/// <summary>One part on the server: its number, ETag, CRC-64 and size.</summary>
internal readonly record struct UploadedPart(int PartNumber, string ETag, ulong Crc64, long Size);

/// <summary>
/// Sends the parts of one multipart upload: reads a stream once, in order, into pooled buffers, or a file's
/// parts at their offsets while they are sent; keeps up to the parallel limit of parts in flight (so memory
/// stays near limit × part size for a stream, limit × 1 MiB for a file); retries each part up
/// to <see cref="CosClientOptions.ChunkRetryTimes"/> with backoff, with the pipeline's own retries off for
/// parts so a part is tried at most ChunkRetryTimes + 1 times; checks each part's CRC-64 against the
/// response; skips parts already on the server whose size and ETag (MD5) match; and the first part that
/// fails for good cancels the others. Then completes the upload and checks the object's combined CRC-64.
/// </summary>
internal sealed class MultipartUploader
{
    private readonly CosClient _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string? _region;
    private readonly string _uploadId;
    private readonly ProgressThrottle _progress;
    private readonly IReadOnlyDictionary<int, long> _existingSizes;
    private readonly IReadOnlyDictionary<int, string> _existingETags;
    private readonly ConcurrentDictionary<int, UploadedPart> _parts = new();
    private Exception? _partFailure;

    public MultipartUploader(CosClient client, string bucket, string key, string? region, string uploadId, ProgressThrottle progress, IReadOnlyList<PartSummary> existing)
    {
        _client = client;
        _bucket = bucket;
        _key = key;
        _region = region;
        _uploadId = uploadId;
        _progress = progress;
        _existingSizes = existing.Where(p => p.PartNumber is not null && p.Size is not null).ToDictionary(p => p.PartNumber!.Value, p => p.Size!.Value);
        _existingETags = existing.Where(p => p.PartNumber is not null && p.ETag is not null).ToDictionary(p => p.PartNumber!.Value, p => p.ETag!);
    }

    /// <summary>
    /// Uploads <paramref name="source"/> from its current position: <paramref name="size"/> bytes in parts of
    /// <paramref name="partSize"/>, or, when <paramref name="size"/> is null, until it ends (parts growing
    /// as <see cref="UploadPartPlanner.UnknownLengthPartSize"/> says). Returns the parts in order.
    /// </summary>
    public async Task<IReadOnlyList<UploadedPart>> UploadPartsAsync(Stream source, long? size, long partSize, int parallelLimit, CancellationToken cancellationToken)
    {
        var partCount = size is { } known ? UploadPartPlanner.PartCount(known, partSize) : int.MaxValue;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(parallelLimit, parallelLimit);
        var running = new List<Task>();
        Exception? readFailure = null;
        long offset = 0;

        try
        {
            for (var number = 1; number <= partCount; number++)
            {
                var want = size is { } total ? Math.Min(partSize, total - offset) : UploadPartPlanner.UnknownLengthPartSize(number, partSize);
                if (want > Array.MaxLength)
                {
                    throw new NotSupportedException($"Parts of {want} bytes are larger than a .NET array can buffer; upload a file (its parts are read in place) or use a smaller part size.");
                }

                await slots.WaitAsync(linked.Token).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(want, 1));
                var handedOff = false;
                try
                {
                    var read = await source.ReadAtLeastAsync(buffer.AsMemory(0, (int)want), (int)want, throwOnEndOfStream: false, linked.Token).ConfigureAwait(false);
                    if (size is not null && read != want)
                    {
                        throw new IOException($"The source ended after {offset + read} of its {size} bytes; it changed during the upload.");
                    }

                    if (read == 0)
                    {
                        break; // A stream of unknown length ended on a part boundary.
                    }

                    if (number > UploadPartPlanner.MaxParts)
                    {
                        throw new InvalidOperationException($"The stream is longer than {UploadPartPlanner.MaxParts} parts allow; pass a larger PartSize.");
                    }

                    offset += read;
                    var data = buffer.AsMemory(0, read);
                    var crc = CosCrc64.Compute(data.Span);
                    if (IsAlreadyUploaded(number, data.Span) is { } etag)
                    {
                        _parts[number] = new UploadedPart(number, etag, crc, read);
                        _progress.Add(read);
                    }
                    else
                    {
                        handedOff = true;
                        running.Add(UploadPartAsync(number, buffer, read, crc, slots, linked));
                    }

                    if (size is null && read < want)
                    {
                        break; // The stream ended inside this part: it was the last.
                    }
                }
                finally
                {
                    if (!handedOff)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        slots.Release();
                    }
                }
            }
        }
        catch (Exception ex)
        {
            readFailure = ex;
            await linked.CancelAsync().ConfigureAwait(false);
        }

        return await FinishAsync(running, readFailure, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads <paramref name="size"/> bytes of a file from <paramref name="start"/> in parts too large to buffer:
    /// each part is read at its offset while it is sent (and hashed on the way), once per try.
    /// </summary>
    public async Task<IReadOnlyList<UploadedPart>> UploadFileSegmentsAsync(SafeFileHandle file, long start, long size, long partSize, int parallelLimit, CancellationToken cancellationToken)
    {
        var partCount = UploadPartPlanner.PartCount(size, partSize);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(parallelLimit, parallelLimit);
        var running = new List<Task>();
        Exception? readFailure = null;
        try
        {
            for (var number = 1; number <= partCount; number++)
            {
                await slots.WaitAsync(linked.Token).ConfigureAwait(false);
                var offset = (number - 1) * partSize;
                running.Add(UploadSegmentAsync(number, file, start + offset, Math.Min(partSize, size - offset), slots, linked));
            }
        }
        catch (Exception ex)
        {
            readFailure = ex;
            await linked.CancelAsync().ConfigureAwait(false);
        }

        return await FinishAsync(running, readFailure, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UploadedPart>> FinishAsync(List<Task> running, Exception? readFailure, CancellationToken cancellationToken)
    {
        await Task.WhenAll(running).ConfigureAwait(false); // Part tasks record their failure and never throw.

        if (Volatile.Read(ref _partFailure) is { } partFailure)
        {
            ExceptionDispatchInfo.Throw(partFailure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (readFailure is not null)
        {
            ExceptionDispatchInfo.Throw(readFailure);
        }

        var parts = _parts.Values.OrderBy(p => p.PartNumber).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].PartNumber != i + 1)
            {
                throw new InvalidOperationException($"Part {i + 1} is missing.");
            }
        }

        return parts;
    }

    /// <summary>Completes the upload and checks the object's CRC-64 against the parts' combined CRC.</summary>
    public async Task<CosUploadResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken)
    {
        var crc = parts[0].Crc64;
        long size = parts[0].Size;
        for (var i = 1; i < parts.Count; i++)
        {
            crc = CosCrc64.Combine(crc, parts[i].Crc64, parts[i].Size);
            size += parts[i].Size;
        }

        var (response, crcReported) = await CompleteWithRetriesAsync(parts, crc, cancellationToken).ConfigureAwait(false);
        if (crcReported is { } reported && reported != crc)
        {
            throw new CosIntegrityException(
                $"The object's CRC-64 from CompleteMultipartUpload is {reported}, but the parts sent combine to {crc}.",
                crc,
                reported,
                response.RequestId);
        }

        return new CosUploadResult
        {
            ETag = response.ETag,
            Crc64 = crc,
            VersionId = response.VersionId,
            UploadId = _uploadId,
            PartCount = parts.Count,
            Size = size,
            RequestId = response.RequestId,
        };
    }

    /// <summary>
    /// Sends CompleteMultipartUpload, retried up to <see cref="CosClientOptions.ChunkRetryTimes"/> on server errors and
    /// broken connections (the pipeline does not retry it: it is not idempotent). When a retry finds the upload gone
    /// (NoSuchUpload) after a try whose outcome is unknown, the earlier try may have completed it: the object is
    /// accepted if HEAD reports the CRC-64 the parts combine to.
    /// </summary>
    private async Task<(CompleteMultipartUploadResponse Response, ulong? Crc64)> CompleteWithRetriesAsync(IReadOnlyList<UploadedPart> parts, ulong crc, CancellationToken cancellationToken)
    {
        var options = _client.Options;
        var request = new CompleteMultipartUploadRequest
        {
            Bucket = _bucket,
            Key = _key,
            Region = _region,
            UploadId = _uploadId,
            Parts = parts.Select(p => new CompletedPart { PartNumber = p.PartNumber, ETag = p.ETag }).ToList(),
        };
        var outcomeUnknown = false;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await _client.CompleteMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
                return (response, response.Crc64);
            }
            catch (CosException error) when (outcomeUnknown && error.StatusCode == 404 && error.ErrorCode == CosErrorCodes.NoSuchUpload)
            {
                var head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = _bucket, Key = _key, Region = _region }, cancellationToken).ConfigureAwait(false);
                if (head.Crc64 != crc)
                {
                    throw new CosIntegrityException(
                        $"CompleteMultipartUpload's answer was lost and the upload is gone; the object's CRC-64 is {head.Crc64?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, not the {crc} of the parts sent.",
                        crc,
                        head.Crc64,
                        head.RequestId);
                }

                return (new CompleteMultipartUploadResponse { StatusCode = head.StatusCode, RequestId = head.RequestId, ETag = head.ETag, VersionId = head.VersionId, Crc64 = head.Crc64, Bucket = _bucket, Key = _key }, head.Crc64);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && attempt < options.ChunkRetryTimes && IsRetryableComplete(ex))
            {
                outcomeUnknown = true; // Even an error answer may come after COS assembled the object.
                var delay = RetryBackoff.GetDelay(options.RetryDelay, options.MaxRetryDelay, attempt, null);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Complete is retried on server errors and broken connections, not on integrity or client errors.</summary>
    private static bool IsRetryableComplete(Exception failure) => failure switch
    {
        CosIntegrityException => false,
        CosResponseFormatException => true,
        CosException error => error.StatusCode >= 500 || error.StatusCode == 429 || CosErrorCodes.IsRetryable(error.ErrorCode),
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>The server's ETag of part <paramref name="number"/> when it holds exactly <paramref name="data"/>; else null.</summary>
    private string? IsAlreadyUploaded(int number, ReadOnlySpan<byte> data)
    {
        if (!_existingSizes.TryGetValue(number, out var size) || size != data.Length || !_existingETags.TryGetValue(number, out var etag))
        {
            return null;
        }

        return ETagMatchesMd5(etag, data) ? etag : null;
    }

    internal static bool ETagMatchesMd5(string etag, ReadOnlySpan<byte> data)
    {
        Span<byte> md5 = stackalloc byte[16];
        MD5.HashData(data, md5);
        return ETagMatches(etag, md5);
    }

    /// <summary>True when <paramref name="etag"/> is the quoted hex of <paramref name="md5"/> (a part's ETag is its MD5).</summary>
    internal static bool ETagMatches(string etag, ReadOnlySpan<byte> md5)
    {
        var hex = etag.AsSpan().Trim('"');
        return hex.Length == 32 && hex.Equals(Convert.ToHexStringLower(md5), StringComparison.OrdinalIgnoreCase);
    }

    private async Task UploadPartAsync(int number, byte[] buffer, int length, ulong crc, SemaphoreSlim slots, CancellationTokenSource linked)
    {
        await Task.Yield();
        try
        {
            var data = buffer.AsMemory(0, length);
            var contentMd5 = _client.Options.UploadCheckContentMd5 ? Convert.ToBase64String(MD5.HashData(data.Span)) : null;
            await SendWithRetriesAsync(number, new ProgressBody(data, _progress), length, crc, contentMd5, linked).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    private async Task UploadSegmentAsync(int number, SafeFileHandle file, long offset, long length, SemaphoreSlim slots, CancellationTokenSource linked)
    {
        await Task.Yield();
        try
        {
            string? contentMd5 = null;
            var listed = _existingSizes.TryGetValue(number, out var listedSize) && listedSize == length && _existingETags.ContainsKey(number);
            if (listed || _client.Options.UploadCheckContentMd5)
            {
                var (crc, md5) = await HashSegmentAsync(file, offset, length, linked.Token).ConfigureAwait(false);
                if (listed && ETagMatches(_existingETags[number], md5))
                {
                    _parts[number] = new UploadedPart(number, _existingETags[number], crc, length);
                    _progress.Add(length);
                    return;
                }

                contentMd5 = _client.Options.UploadCheckContentMd5 ? Convert.ToBase64String(md5) : null;
            }

            await SendWithRetriesAsync(number, new ProgressBody(file, offset, length, _progress), length, null, contentMd5, linked).ConfigureAwait(false);
        }
        catch (Exception ex) when (!linked.IsCancellationRequested)
        {
            if (Interlocked.CompareExchange(ref _partFailure, ex, null) is null)
            {
                await linked.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Canceled by the caller or by a sibling's failure; reported by FinishAsync.
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task<(ulong Crc64, byte[] Md5)> HashSegmentAsync(SafeFileHandle file, long offset, long length, CancellationToken cancellationToken)
    {
        var crc = CosCrc64.Create();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            long done = 0;
            while (done < length)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), offset + done, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The file ended at {offset + done} bytes; it changed during the upload.");
                }

                crc.Append(buffer.AsSpan(0, read));
                md5.AppendData(buffer, 0, read);
                done += read;
            }

            return (crc.GetCurrentHashAsUInt64(), md5.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Sends one part, retried up to <see cref="CosClientOptions.ChunkRetryTimes"/> with backoff; checks its CRC-64
    /// (<paramref name="knownCrc"/>, or the one computed while sending) against the response. The first part to
    /// fail for good records its error and cancels the others; cancellations are not failures. Never throws.
    /// </summary>
    private async Task SendWithRetriesAsync(int number, ProgressBody body, long length, ulong? knownCrc, string? contentMd5, CancellationTokenSource linked)
    {
        var token = linked.Token;
        var options = _client.Options;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    UploadPartResponse response;
                    try
                    {
                        response = await SendPartAsync(number, body, length, contentMd5, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        body.Rewind();
                        throw;
                    }

                    var crc = knownCrc ?? body.SentCrc64 ?? throw new IOException($"Part {number} was answered before it was sent in full.");
                    if (response.Crc64 is { } reported && reported != crc)
                    {
                        body.Rewind();
                        throw new CosIntegrityException(
                            $"Part {number}'s CRC-64 from COS is {reported}, but the part sent has {crc}.",
                            crc,
                            reported,
                            response.RequestId,
                            number);
                    }

                    if (string.IsNullOrEmpty(response.ETag))
                    {
                        body.Rewind();
                        throw new CosResponseFormatException($"UploadPart {number} returned no ETag.", response.StatusCode, response.RequestId);
                    }

                    _parts[number] = new UploadedPart(number, response.ETag, crc, length);
                    return; // Its bytes were counted as they were sent.
                }
                catch (Exception ex) when (!token.IsCancellationRequested && attempt < options.ChunkRetryTimes && IsRetryable(ex))
                {
                    var delay = RetryBackoff.GetDelay(options.RetryDelay, options.MaxRetryDelay, attempt, null);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, options.TimeProvider, token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            // The first part to fail for good stops its siblings; their cancellations are not failures.
            if (Interlocked.CompareExchange(ref _partFailure, ex, null) is null)
            {
                await linked.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Canceled by the caller or by a sibling's failure; reported by FinishAsync.
        }
    }

    private Task<UploadPartResponse> SendPartAsync(int number, ProgressBody body, long length, string? contentMd5, CancellationToken token)
    {
        var http = UploadPartMarshaller.Marshal(new UploadPartRequest
        {
            Bucket = _bucket,
            Key = _key,
            Region = _region,
            UploadId = _uploadId,
            PartNumber = number,
            Body = Stream.Null,
            ContentLength = length,
            ContentMd5 = contentMd5,
        });
        http.Body = body;
        http.MaxRetries = 0; // This class retries parts (ChunkRetryTimes); the pipeline does not also retry them.
        return _client.Pipeline.SendAsync(http, UploadPartMarshaller.Unmarshal, token);
    }

    /// <summary>Whether a failed part is worth another try: server errors, throttling, broken connections, timeouts and CRC mismatches.</summary>
    internal static bool IsRetryable(Exception failure) => failure switch
    {
        CosIntegrityException => true,
        CosResponseFormatException => true,
        CosException error => error.StatusCode >= 500 || error.StatusCode is 408 or 429 || CosErrorCodes.IsRetryable(error.ErrorCode),
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => true, // A per-try timeout (the caller's cancellation is filtered out before).
        _ => false,
    };
}
