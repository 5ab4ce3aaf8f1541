using Cos.Emulator;
using Cos.Generated.Integrity;

namespace Cos.Generated.Tests.Transfer;

/// <summary>An in-process emulator and a client for the copy and download tests.</summary>
internal sealed class DownloadTestEnvironment : IAsyncDisposable
{
    public const string Bucket = "examplebucket-1250000000";
    public const long MiB = 1024 * 1024;

    private DownloadTestEnvironment(CosEmulator emulator, CosClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public CosEmulator Emulator { get; }

    public CosClient Client { get; }

    /// <summary>
    /// Starts an emulator and a client. With <paramref name="tamper"/>, the client sends through an injected
    /// <see cref="HttpClient"/> whose handler lets the test change each response before the client sees it.
    /// </summary>
    public static async Task<DownloadTestEnvironment> StartAsync(Func<CosClientOptions, CosClientOptions>? configure = null, Action<HttpRequestMessage, HttpResponseMessage>? tamper = null)
    {
        var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        var baseOptions = emulator.CreateClientOptions();
        var options = new CosClientOptions
        {
            SecretId = baseOptions.SecretId,
            SecretKey = baseOptions.SecretKey,
            Region = baseOptions.Region,
            Protocol = baseOptions.Protocol,
            ConnectTo = tamper is null ? baseOptions.ConnectTo : null,
            MaxRetries = 0,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(20),
            ProgressInterval = TimeSpan.Zero,
        };
        options = configure?.Invoke(options) ?? options;
        if (tamper is null)
        {
            return new DownloadTestEnvironment(emulator, new CosClient(options));
        }

        var port = emulator.Port;
        var sockets = new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        var http = new HttpClient(new TamperingHandler(tamper) { InnerHandler = sockets }) { Timeout = Timeout.InfiniteTimeSpan };
        return new DownloadTestEnvironment(emulator, new CosClient(options, http)) { _http = http };
    }

    private HttpClient? _http;

    public static byte[] RandomBytes(long length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static ulong Crc(byte[] data) => CosCrc64.Compute(data);

    public async Task PutAsync(string key, byte[] data, string? contentType = null, IReadOnlyDictionary<string, string>? metadata = null, string? cacheControl = null)
    {
        using var body = new MemoryStream(data, writable: false);
        await Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = body, ContentLength = data.Length, ContentType = contentType, Metadata = metadata, CacheControl = cacheControl });
    }

    public async Task<byte[]> GetAsync(string key)
    {
        using var response = await Client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http?.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Collects progress reports in order.</summary>
internal sealed class RecordingProgress : IProgress<Cos.Generated.Transfer.CosTransferProgress>
{
    private readonly List<Cos.Generated.Transfer.CosTransferProgress> _reports = [];

    public IReadOnlyList<Cos.Generated.Transfer.CosTransferProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(Cos.Generated.Transfer.CosTransferProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}

/// <summary>Hands every response to a test before the client sees it.</summary>
internal sealed class TamperingHandler(Action<HttpRequestMessage, HttpResponseMessage> tamper) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        tamper(request, response);
        return response;
    }
}

/// <summary>Calls back on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SynchronousProgress(Action<Cos.Generated.Transfer.CosTransferProgress> report) : IProgress<Cos.Generated.Transfer.CosTransferProgress>
{
    public void Report(Cos.Generated.Transfer.CosTransferProgress value) => report(value);
}
