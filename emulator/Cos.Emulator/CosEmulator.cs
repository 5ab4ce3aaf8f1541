using System.Text;
using Cos.Emulator.Diagnostics;
using Cos.Emulator.Faults;
using Cos.Emulator.Storage;
using Cos.Generated;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cos.Emulator;

/// <summary>
/// A local COS: a Kestrel server speaking the COS XML API with real signature checks, in memory or on
/// disk. <c>await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions())</c>, then
/// <c>new CosClient(cos.CreateClientOptions())</c>.
/// </summary>
public sealed class CosEmulator : IAsyncDisposable
{
    /// <summary>How long <see cref="StopAsync"/> waits for requests in flight before it closes their connections (the generic host's default shutdown timeout).</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly KestrelServer _server;

    /// <summary>Cancelled when the emulator starts stopping: held requests (<see cref="ClientDeparture"/>) end at once.</summary>
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private CosEmulator(KestrelServer server, CancellationTokenSource stopping, CosEmulatorOptions options, IObjectStore store, FaultRules faults, RequestLog requestLog, Uri endpoint)
    {
        _server = server;
        _stopping = stopping;
        Options = options;
        Store = store;
        Faults = faults;
        RequestLog = requestLog;
        Endpoint = endpoint;
    }

    /// <summary>The address to send requests to (<c>http://127.0.0.1:{Port}</c>); any Host the emulator accepts is fine.</summary>
    public Uri Endpoint { get; }

    /// <summary>The TCP port the emulator listens on (the one picked when <see cref="CosEmulatorOptions.Port"/> was 0).</summary>
    public int Port => Endpoint.Port;

    /// <summary>The permanent SecretId requests may be signed with (<see cref="CosEmulatorOptions.SecretId"/>).</summary>
    public string SecretId => Options.SecretId;

    /// <summary>The SecretKey of <see cref="SecretId"/>.</summary>
    public string SecretKey => Options.SecretKey;

    /// <summary>The options the emulator was started with.</summary>
    public CosEmulatorOptions Options { get; }

    /// <summary>The buckets, objects and uploads (tests may inspect or seed them).</summary>
    public IObjectStore Store { get; }

    /// <summary>Fault rules applied to requests from now on.</summary>
    public FaultRules Faults { get; }

    /// <summary>The last requests that reached the emulator (<see cref="CosEmulatorOptions.RequestLogCapacity"/> of them); <c>RequestLog.Clear()</c> forgets them.</summary>
    public RequestLog RequestLog { get; }

    /// <summary>A snapshot of <see cref="RequestLog"/>, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests => RequestLog.Snapshot();

    /// <summary>Starts the emulator; it accepts requests when the task completes.</summary>
    public static async Task<CosEmulator> StartAsync(CosEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CosEmulatorOptions();
        var store = options.DiscardBodies ? ObjectStore.Discarding()
            : options.DataDirectory is { } dir ? ObjectStore.OnDisk(dir)
            : ObjectStore.InMemory();
        var stopping = new CancellationTokenSource();
        KestrelServer? server = null;
        try
        {
            foreach (var bucket in options.Buckets)
            {
                store.TryCreateBucket(new BucketRecord { Name = bucket.Name, Region = bucket.Region, CreationDate = options.TimeProvider.GetUtcNow() });
            }

            var faults = new FaultRules();
            var requestLog = new RequestLog(options.RequestLogCapacity, options.TimeProvider);
            var handler = new CosRequestHandler(options, store, faults, requestLog, stopping.Token);

            // Kestrel alone, without the generic host: the emulator is one RequestDelegate, and the host's
            // configuration, logging, DI and routing would cost the NativeAOT cos binary megabytes. Nothing hooks
            // Ctrl-C or SIGTERM: the host process (a test run, or Program) decides when to stop.
            var kestrel = new KestrelServerOptions
            {
                AddServerHeader = false,
                AllowSynchronousIO = false,
                RequestHeaderEncodingSelector = _ => Encoding.UTF8,
                ResponseHeaderEncodingSelector = _ => Encoding.UTF8,
            };
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Listen(System.Net.IPAddress.Parse(options.BindAddress), options.Port);
            var transport = new SocketTransportOptions();
            if (options.LargeMemoryPool)
            {
                LargeBlockMemoryPool.Use(transport);
            }

            var loggers = NullLoggerFactory.Instance;
            server = new KestrelServer(
                Microsoft.Extensions.Options.Options.Create(kestrel),
                new SocketTransportFactory(Microsoft.Extensions.Options.Options.Create(transport), loggers),
                loggers);
            await server.StartAsync(new EmulatorHttpApplication(handler.HandleAsync), cancellationToken).ConfigureAwait(false);
            var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            return new CosEmulator(server, stopping, options, store, faults, requestLog, new Uri($"http://{options.BindAddress}:{port}"));
        }
        catch
        {
            server?.Dispose();
            stopping.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Client options that reach this emulator: the permanent key, <paramref name="region"/>, plain HTTP and
    /// <c>ConnectTo</c> this port while the Host header stays virtual-hosted.
    /// </summary>
    public CosClientOptions CreateClientOptions(string region = "ap-guangzhou") => new()
    {
        SecretId = SecretId,
        SecretKey = SecretKey,
        Region = region,
        Protocol = "http",
        ConnectTo = $"{Endpoint.Host}:{Port}",
    };

    /// <summary>
    /// Stops accepting requests and waits for those in flight (at most 30 seconds, or until
    /// <paramref name="cancellationToken"/> is cancelled; then their connections are closed). Held requests end at once.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ShutdownTimeout);
        await StopServerAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server (waiting at most 5 seconds for requests in flight; held requests end at once) and frees the
    /// store. An on-disk store keeps its files, so a later emulator on the same directory finds them.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await StopServerAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _server.Dispose();
        _stopping.Dispose();
        Store.Dispose();
    }

    /// <summary>Ends held requests, then stops Kestrel: no new connections, and those open close after their request (all of them once <paramref name="cancellationToken"/> is cancelled).</summary>
    private async Task StopServerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: the server has stopped.
            return;
        }

        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
