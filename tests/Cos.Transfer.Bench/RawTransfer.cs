using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Cos.Transfer.Bench;

/// <summary>
/// The limits: plain HttpClient requests with no SDK, no signing (the emulator runs without authentication) and
/// no hashing. Uploads send one random 8 MiB block from memory; downloads read into a 256 KiB buffer (the size
/// Cos.Generated reads with) and drop the bytes. The "-crc" cases add the work a verified file transfer cannot
/// avoid: reading the file (1 MiB at a time, as Cos.Generated does) or writing it, and CRC-64 of every byte.
/// </summary>
internal sealed class RawTransfer : ITransfer
{
    private const int ReadBufferSize = 256 * 1024;
    private readonly BenchCase _bench;
    private readonly Workload _workload;
    private readonly HttpClient _http = CreateHttpClient();
    private readonly byte[] _block = new byte[BenchCase.PartSize];

    public RawTransfer(BenchCase bench, Workload workload)
    {
        _bench = bench;
        _workload = workload;
        new Random(1).NextBytes(_block);
    }

    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    public Task RunAsync(long size) => _bench.Name switch
    {
        "raw-put-parts" => PutPartsAsync(size),
        "raw-put-single" => PutAsync(_http, _workload.ObjectUrl("raw/single"), new RepeatedContent(_block, size)),
        "raw-put-file-crc" => PutFilePartsAsync(size),
        "raw-get-ranges" => GetRangesAsync(size, toFile: false),
        "raw-get-ranges-file-crc" => GetRangesAsync(size, toFile: true),
        "raw-get-single" => GetAsync(Workload.ZeroKey(size), null, size, null, CancellationToken.None),
        _ => throw new ArgumentException($"No raw transfer '{_bench.Name}'."),
    };

    private Task PutPartsAsync(long size)
    {
        var count = (int)(size / BenchCase.PartSize);
        return Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = BenchCase.Parallel }, async (i, _) =>
            await PutAsync(_http, _workload.ObjectUrl($"raw/part-{i}"), new ByteArrayContent(_block)));
    }

    private async Task PutFilePartsAsync(long size)
    {
        using var file = File.OpenHandle(_workload.UploadFile(size), FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var count = (int)(size / BenchCase.PartSize);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = BenchCase.Parallel }, async (i, _) =>
            await PutAsync(_http, _workload.ObjectUrl($"raw/file-part-{i}"), new FileSegmentContent(file, i * BenchCase.PartSize, BenchCase.PartSize)));
    }

    private static async Task PutAsync(HttpClient http, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task GetRangesAsync(long size, bool toFile)
    {
        var count = (int)(size / BenchCase.PartSize);
        using var file = toFile
            ? File.OpenHandle(_workload.DownloadTarget(_bench.Name), FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, preallocationSize: size)
            : null;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = BenchCase.Parallel }, async (i, ct) =>
        {
            var start = i * BenchCase.PartSize;
            await GetAsync(Workload.ZeroKey(size), new RangeHeaderValue(start, start + BenchCase.PartSize - 1), BenchCase.PartSize, file is null ? null : (file, start), ct);
        });
    }

    private async Task GetAsync(string key, RangeHeaderValue? range, long expected, (Microsoft.Win32.SafeHandles.SafeFileHandle File, long Offset)? target, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _workload.ObjectUrl(key));
        request.Headers.Range = range;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        var crc = target is null ? null : Cos.Generated.Integrity.CosCrc64.Create();
        try
        {
            long done = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ReadBufferSize), ct)) > 0)
            {
                if (target is { } t)
                {
                    await RandomAccess.WriteAsync(t.File, buffer.AsMemory(0, read), t.Offset + done, ct);
                    crc!.Append(buffer.AsSpan(0, read));
                }

                done += read;
            }

            if (done != expected)
            {
                throw new IOException($"GET {key} returned {done} bytes, not {expected}.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A segment of a file read 1 MiB at a time and CRC-64'd while it is sent.</summary>
    private sealed class FileSegmentContent(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var crc = Cos.Generated.Integrity.CosCrc64.Create();
            var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
            try
            {
                for (long done = 0; done < length;)
                {
                    var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(1024 * 1024, length - done)), offset + done, cancellationToken);
                    if (read == 0)
                    {
                        throw new IOException("The file ended early.");
                    }

                    crc.Append(buffer.AsSpan(0, read));
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    done += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }

    /// <summary>A body of <c>length</c> bytes made of one block written again and again: a streamed upload with no copying.</summary>
    private sealed class RepeatedContent(byte[] block, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (long done = 0; done < length;)
            {
                var n = (int)Math.Min(block.Length, length - done);
                await stream.WriteAsync(block.AsMemory(0, n), cancellationToken);
                done += n;
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
