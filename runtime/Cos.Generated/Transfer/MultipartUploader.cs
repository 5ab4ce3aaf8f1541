using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cos.Generated.Integrity;
using Cos.Generated.Pipeline;
using Microsoft.Win32.SafeHandles;

namespace Cos.Generated.Transfer;

/// <summary>One part on the server: its number, ETag, CRC-64 (null when COS reported none) and size.</summary>
internal readonly record struct UploadedPart(int PartNumber, string ETag, ulong? Crc64, long Size);

/// <summary>
/// Sends the parts of one multipart upload through the public <c>UploadPartAsync</c>: a stream read once, in order,
/// into pooled buffers, or a file's parts read at their offsets while they are sent; <see cref="BoundedParallel"/>
/// keeps up to the parallel limit in flight. Each part is retried by the pipeline (up to
/// <see cref="CosClientOptions.ChunkRetryTimes"/>, within the transfer's <see cref="RetryBudget"/>), which also checks
/// its CRC-64 against COS's answer and counts its bytes into the transfer's progress. Parts already on the server whose
/// size and ETag (MD5) match are skipped. Then the upload is completed and the object's combined CRC-64 checked.
/// </summary>
internal sealed class MultipartUploader
{
    private readonly CosClient _client;
    private readonly MultipartSession _session;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string? _region;
    private readonly CosServerSideEncryption? _customerKey;
    private readonly long? _trafficLimit;
    private readonly ProgressThrottle _progress;
    private readonly CosRequestOptions _partOptions;
    private readonly IReadOnlyDictionary<int, PartSummary> _existing;
    private readonly ConcurrentDictionary<int, UploadedPart> _parts = new();
    private readonly ProgressThrottle? _hashProgress;

    /// <summary>
    /// Sends the parts of <paramref name="session"/>; <paramref name="existing"/> are the parts already on the server (a
    /// resume), whose local bytes are hashed to check them, counted into <paramref name="hashProgress"/> if given.
    /// </summary>
    public MultipartUploader(CosClient client, MultipartSession session, string bucket, string key, CosUploadOptions options, ProgressThrottle progress, RetryBudget budget, IReadOnlyList<PartSummary> existing, ProgressThrottle? hashProgress = null)
    {
        _hashProgress = hashProgress;
        _client = client;
        _session = session;
        _bucket = bucket;
        _key = key;
        _region = options.Region;
        _customerKey = session.CustomerKey;
        _trafficLimit = options.TrafficLimit;
        _progress = progress;
        _partOptions = new CosRequestOptions { MaxRetries = client.Options.ChunkRetryTimes, BodyCounter = progress, RetryBudget = budget };
        _existing = existing
            .Where(p => p.PartNumber is not null && p.Size is not null && !string.IsNullOrEmpty(p.ETag))
            .ToDictionary(p => p.PartNumber!.Value);
    }

    /// <summary>
    /// Uploads <paramref name="source"/> from its current position: <paramref name="size"/> bytes in parts of
    /// <paramref name="partSize"/>, or, when <paramref name="size"/> is null, until it ends (parts growing
    /// as <see cref="UploadPartPlanner.UnknownLengthPartSize"/> says). Returns the parts in order.
    /// </summary>
    public async Task<IReadOnlyList<UploadedPart>> UploadPartsAsync(Stream source, long? size, long partSize, int parallelLimit, CancellationToken cancellationToken)
    {
        var partCount = size is { } known ? UploadPartPlanner.PartCount(known, partSize) : int.MaxValue;
        var number = 0;
        long offset = 0;
        var ended = false;

        async ValueTask<BufferedPart?> NextAsync(CancellationToken token)
        {
            while (!ended && number < partCount)
            {
                number++;
                var want = size is { } total ? Math.Min(partSize, total - offset) : UploadPartPlanner.UnknownLengthPartSize(number, partSize);
                if (want > Array.MaxLength)
                {
                    throw new NotSupportedException($"Parts of {want} bytes are larger than a .NET array can buffer; upload a file (its parts are read in place) or use a smaller part size.");
                }

                var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(want, 1));
                var read = await source.ReadAtLeastAsync(buffer.AsMemory(0, (int)want), (int)want, throwOnEndOfStream: false, token).ConfigureAwait(false);
                if (size is not null && read != want)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw new IOException($"The source ended after {offset + read} of its {size} bytes; it changed during the upload.");
                }

                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    ended = true; // A stream of unknown length ended on a part boundary.
                    break;
                }

                if (number > UploadPartPlanner.MaxParts)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw new InvalidOperationException($"The stream is longer than {UploadPartPlanner.MaxParts} parts allow; pass a larger PartSize.");
                }

                offset += read;
                ended = size is null && read < want; // The stream ended inside this part: it was the last.
                if (Existing(number, read) is { } listed)
                {
                    var same = PartETag.MatchesMd5(listed.ETag!, buffer.AsSpan(0, read));
                    _hashProgress?.Add(read);
                    if (same)
                    {
                        _parts[number] = new UploadedPart(number, listed.ETag!, CosCrc64.Compute(buffer.AsSpan(0, read)), read);
                        _progress.Add(read);
                        ArrayPool<byte>.Shared.Return(buffer);
                        continue;
                    }
                }

                return new BufferedPart(number, buffer, read);
            }

            return null;
        }

        await BoundedParallel.RunAsync(
            NextAsync,
            async (part, token) =>
            {
                try
                {
                    var md5 = _client.Options.UploadCheckContentMd5 ? Convert.ToBase64String(MD5.HashData(part.Buffer.AsSpan(0, part.Length))) : null;
                    await SendPartAsync(part.Number, new MemoryStream(part.Buffer, 0, part.Length, writable: false, publiclyVisible: true), part.Length, md5, token).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(part.Buffer);
                }
            },
            parallelLimit,
            cancellationToken).ConfigureAwait(false);

        return InOrder();
    }

    /// <summary>
    /// Uploads <paramref name="size"/> bytes of a file from <paramref name="start"/> in parts too large to buffer:
    /// each part is read at its offset while it is sent, once per try.
    /// </summary>
    public async Task<IReadOnlyList<UploadedPart>> UploadFileSegmentsAsync(SafeFileHandle file, long start, long size, long partSize, int parallelLimit, CancellationToken cancellationToken)
    {
        await BoundedParallel.ForEachAsync(
            UploadPartPlanner.PartCount(size, partSize),
            parallelLimit,
            async (index, token) =>
            {
                var number = index + 1;
                var offset = start + (index * partSize);
                var length = Math.Min(partSize, size - (index * partSize));
                string? contentMd5 = null;
                var listed = Existing(number, length);
                if (listed is not null || _client.Options.UploadCheckContentMd5)
                {
                    var (crc, md5) = await HashSegmentAsync(file, offset, length, token).ConfigureAwait(false);
                    if (listed is not null)
                    {
                        _hashProgress?.Add(length);
                    }

                    if (listed is not null && PartETag.Matches(listed.ETag!, md5))
                    {
                        _parts[number] = new UploadedPart(number, listed.ETag!, crc, length);
                        _progress.Add(length);
                        return;
                    }

                    contentMd5 = _client.Options.UploadCheckContentMd5 ? Convert.ToBase64String(md5) : null;
                }

                await SendPartAsync(number, new FileSegmentStream(file, offset, length), length, contentMd5, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        return InOrder();
    }

    /// <summary>Completes the upload; the object's CRC-64 is checked against the parts' combined CRC (when every part reported one).</summary>
    public async Task<CosUploadResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken)
    {
        ulong? crc = 0;
        long size = 0;
        foreach (var part in parts)
        {
            crc = crc is { } sofar && part.Crc64 is { } partCrc ? (size == 0 ? partCrc : CosCrc64.Combine(sofar, partCrc, part.Size)) : null;
            size += part.Size;
        }

        var completed = parts.Select(p => new CompletedPart { PartNumber = p.PartNumber, ETag = p.ETag }).ToList();
        var response = await _session.CompleteAsync(completed, crc, size, cancellationToken).ConfigureAwait(false);
        return new CosUploadResult
        {
            ETag = response.ETag,
            Crc64 = crc ?? response.Crc64,
            VersionId = response.VersionId,
            UploadId = _session.UploadId,
            PartCount = parts.Count,
            Size = size,
            RequestId = response.RequestId,
        };
    }

    private PartSummary? Existing(int number, long size) =>
        _existing.TryGetValue(number, out var part) && part.Size == size ? part : null;

    private async Task SendPartAsync(int number, Stream body, long length, string? contentMd5, CancellationToken token)
    {
        UploadPartResponse response;
        try
        {
            response = await _client.UploadPartAsync(
                new UploadPartRequest
                {
                    Bucket = _bucket,
                    Key = _key,
                    Region = _region,
                    UploadId = _session.UploadId,
                    PartNumber = number,
                    Body = body,
                    ContentLength = length,
                    ContentMd5 = contentMd5,
                    TrafficLimit = _trafficLimit,
                    SseCustomerAlgorithm = _customerKey?.CustomerAlgorithm,
                    SseCustomerKey = _customerKey?.CustomerKey,
                    SseCustomerKeyMd5 = _customerKey?.CustomerKeyMd5,
                    RequestOptions = _partOptions,
                },
                token).ConfigureAwait(false);
        }
        catch (CosIntegrityException mismatch) when (mismatch.PartNumber is null)
        {
            throw new CosIntegrityException($"Part {number}: {mismatch.ErrorMessage}", mismatch.ExpectedCrc64, mismatch.ActualCrc64, mismatch.RequestId, number);
        }

        if (string.IsNullOrEmpty(response.ETag))
        {
            throw new CosResponseFormatException($"UploadPart {number} returned no ETag.", response.StatusCode, response.RequestId);
        }

        _parts[number] = new UploadedPart(number, response.ETag, response.Crc64, length);
        CosLog.UploadPartCompleted(_client.Pipeline.Logger, _bucket, _key, number, length, _session.UploadId);
    }

    private List<UploadedPart> InOrder()
    {
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

    /// <summary>A part of a stream, read into a pooled buffer that its sender returns.</summary>
    private sealed record BufferedPart(int Number, byte[] Buffer, int Length);
}
