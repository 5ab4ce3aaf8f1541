using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cos.Emulator;
using Cos.Generated.Signing;

// dotnet run --project tests/Cos.Emulator.Bench -c Release
// PUTs against the discarding store with a raw HttpClient: one 256 MiB stream, then 4 x 8 MiB in parallel,
// with Kestrel's default 4 KiB blocks and with the emulator's 256 KiB block pool.
const string bucket = "bench-1250000000";
const string host = bucket + ".cos.ap-guangzhou.myqcloud.com";
var chunk = new byte[1024 * 1024];
new Random(1).NextBytes(chunk);

foreach (var large in new[] { false, true })
{
    await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions { DiscardBodies = true, LargeMemoryPool = large, Buckets = [new EmulatorBucket(bucket)] });
    using var http = new HttpClient(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, cos.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { Timeout = TimeSpan.FromMinutes(5) };

    async Task PutAsync(string key, long length)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"http://{host}/{key}")
        {
            Content = new StreamContent(new RepeatStream(chunk, length), 256 * 1024),
        };
        request.Content.Headers.ContentLength = length;
        var authorization = CosSigner.GetAuthorization(cos.SecretId, cos.SecretKey, "PUT", "/" + key, [], [new("Host", host)], CosKeyTime.FromNow(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10)));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    await PutAsync("warmup", 64L << 20);
    foreach (var (name, count, size) in new[] { ("1 x 256 MiB", 1, 256L << 20), ("4 x 8 MiB parallel", 4, 8L << 20) })
    {
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => PutAsync($"k{i}", size)));
            best = Math.Max(best, count * size / 1e6 / watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{(large ? "256 KiB blocks" : "4 KiB blocks (Kestrel default)"),-32} {name,-20} {best,8:F0} MB/s (best of 3)");
    }
}

/// <summary>A non-seekable stream repeating one buffer up to a length (no allocation per read).</summary>
sealed class RepeatStream(byte[] chunk, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(Math.Min(buffer.Length, length - _position), chunk.Length - (_position % chunk.Length));
        chunk.AsSpan((int)(_position % chunk.Length), n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
