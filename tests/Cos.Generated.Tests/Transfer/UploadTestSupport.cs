using System.Net.Sockets;
using Cos.Emulator;
using Cos.Emulator.Faults;
using Cos.Generated.Integrity;
using Cos.Generated.Transfer;

namespace Cos.Generated.Tests.Transfer;

/// <summary>An in-process emulator with one bucket, a temp directory for files and checkpoints, and helpers.</summary>
public sealed class UploadHarness : IAsyncDisposable
{
    public const string Bucket = "examplebucket-1250000000";
    public const int MiB = 1024 * 1024;

    private UploadHarness(CosEmulator emulator)
    {
        Emulator = emulator;
        Directory.CreateDirectory(TempDirectory);
    }

    public CosEmulator Emulator { get; }

    public string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "cos-upload-tests-" + Guid.NewGuid().ToString("N"));

    public string CheckpointDirectory => Path.Combine(TempDirectory, "checkpoints");

    public static async Task<UploadHarness> StartAsync(long minPartSize = MiB) =>
        new(await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)], MinPartSize = minPartSize }));

    public CosClientOptions ClientOptions(int parallel = 3, int chunkRetryTimes = 2, long sliceSize = MiB, bool checkMd5 = false, bool withConnectTo = true)
    {
        var basis = Emulator.CreateClientOptions();
        return new CosClientOptions
        {
            SecretId = basis.SecretId,
            SecretKey = basis.SecretKey,
            Region = basis.Region,
            Protocol = basis.Protocol,
            ConnectTo = withConnectTo ? basis.ConnectTo : null,
            ChunkSize = MiB,
            SliceSize = sliceSize,
            ChunkParallelLimit = parallel,
            ChunkRetryTimes = chunkRetryTimes,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            ProgressInterval = TimeSpan.Zero,
            UploadCheckContentMd5 = checkMd5,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CosClient Client(int parallel = 3, int chunkRetryTimes = 2, long sliceSize = MiB, bool checkMd5 = false) =>
        new(ClientOptions(parallel, chunkRetryTimes, sliceSize, checkMd5));

    /// <summary>A client whose responses pass through <paramref name="tamper"/> (to corrupt headers).</summary>
    public CosClient TamperingClient(Action<HttpRequestMessage, HttpResponseMessage>? tamper, int parallel = 3, int chunkRetryTimes = 2, Func<HttpRequestMessage, CancellationToken, Task>? beforeSend = null, Func<CosClientOptions, CosClientOptions>? configure = null)
    {
        var port = Emulator.Port;
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var http = new HttpClient(new TamperHandler(tamper, beforeSend) { InnerHandler = sockets }) { Timeout = Timeout.InfiniteTimeSpan };
        var options = ClientOptions(parallel, chunkRetryTimes, withConnectTo: false);
        return new CosClient(configure is null ? options : configure(options), http);
    }

    public CosUploadOptions UploadOptions(CosUploadFailureAction onFailure = CosUploadFailureAction.Keep, bool resume = true) =>
        new() { CheckpointDirectory = CheckpointDirectory, OnFailure = onFailure, Resume = resume };

    public static byte[] RandomBytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public string WriteFile(byte[] data, string name = "file.bin")
    {
        var path = Path.Combine(TempDirectory, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>A rule that changes nothing but counts the requests it matches.</summary>
    public FaultRule CountRequests(string operation) => Emulator.Faults.Add(new FaultRule { Operation = operation });

    public async Task<byte[]> DownloadAsync(CosClient client, string key)
    {
        using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);
        var bytes = copy.ToArray();
        response.Crc64.ShouldBe(CosCrc64.Compute(bytes));
        return bytes;
    }

    public async Task<List<MultipartUpload>> ListUploadsAsync(CosClient client, string key)
    {
        var uploads = new List<MultipartUpload>();
        await foreach (var upload in client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket, Prefix = key }))
        {
            uploads.Add(upload);
        }

        return uploads;
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class TamperHandler(Action<HttpRequestMessage, HttpResponseMessage>? tamper, Func<HttpRequestMessage, CancellationToken, Task>? beforeSend) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (beforeSend is not null)
            {
                await beforeSend(request, cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            tamper?.Invoke(request, response);
            return response;
        }
    }
}

/// <summary>Collects progress reports synchronously, in order.</summary>
public sealed class UploadProgressLog : IProgress<CosTransferProgress>
{
    private readonly Lock _gate = new();

    public List<CosTransferProgress> Reports { get; } = [];

    public Action<CosTransferProgress>? OnReport { get; init; }

    public void Report(CosTransferProgress value)
    {
        lock (_gate)
        {
            Reports.Add(value);
        }

        OnReport?.Invoke(value);
    }
}
