using Cos.Emulator.Faults;

namespace Cos.Emulator.Tests;

/// <summary>
/// <see cref="FaultRule.StallRequestAfterBytes"/>: the emulator stops reading an upload and holds it, until the
/// client goes away; then the request ends and what it had written is gone.
/// </summary>
public sealed class StallTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "cos-emulator-stall-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    /// <param name="operation">The stalled operation.</param>
    /// <param name="target">Its path and query (<c>{0}</c>: an open upload's id).</param>
    /// <param name="bodyLength">
    /// Larger than the connection's buffers, the client is left with unsent bytes and must reset the connection
    /// to be seen leaving: a graceful close queues its FIN behind bytes the stalled server never reads.
    /// </param>
    /// <param name="reset">Whether the client resets the connection (SO_LINGER 0) rather than closing it.</param>
    [Theory]
    [InlineData("PutObject", "/held.bin", 16 * 1024 * 1024, true)]
    [InlineData("UploadPart", "/held.bin?partNumber=1&uploadId={0}", 16 * 1024 * 1024, true)]
    [InlineData("PutObject", "/held.bin", 300_000, false)]
    public async Task A_stalled_upload_ends_when_the_client_leaves_and_leaves_no_temp_file(string operation, string target, int bodyLength, bool reset)
    {
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions { DataDirectory = _dataDir, Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        var uploadId = cos.Store.CreateUpload(Emulators.Bucket, "held.bin", new(), new Dictionary<string, string>(), DateTimeOffset.UtcNow).UploadId;
        var rule = cos.Faults.Add(new FaultRule { Operation = operation, StallRequestAfterBytes = 100_000, Times = 1 });

        // A guard against a hang, not a timing assertion: the waits below end on the emulator's own progress.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = RawRequests.Create(cos, HttpMethod.Put, string.Format(System.Globalization.CultureInfo.InvariantCulture, target, uploadId));
        request.Content = new StreamContent(new MemoryStream(Emulators.Bytes(bodyLength)));
        using (var http = reset ? ResettingClient(cos) : Emulators.Raw(cos))
        {
            var sending = http.SendAsync(request, guard.Token);
            await cos.RequestLog.WaitForAsync(r => r.Operation == operation, guard.Token);
            await Emulators.WaitUntilAsync(() => Directory.EnumerateFiles(Path.Combine(_dataDir, "tmp")).Any(), "the upload starts its temp file");
            await Task.Delay(200, guard.Token);
            cos.Requests.Single(r => r.Operation == operation).Completed.ShouldBeFalse("the stalled upload is held while its client waits");
            http.CancelPendingRequests();
            await Should.ThrowAsync<Exception>(() => sending);
        }

        rule.Fired.ShouldBe(1);
        var logged = await cos.RequestLog.WaitForAsync(r => r.Operation == operation && r.Completed, guard.Token);
        logged.Aborted.ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(_dataDir, "tmp")).ShouldBeEmpty();
        cos.Store.GetObject(Emulators.Bucket, "held.bin").ShouldBeNull();
        cos.Store.GetUpload(Emulators.Bucket, uploadId)!.Parts.ShouldBeEmpty();
    }

    /// <summary>An HttpClient whose connections to the emulator end with a reset when they are dropped (SO_LINGER 0).</summary>
    private static HttpClient ResettingClient(CosEmulator cos) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
            {
                NoDelay = true,
                LingerState = new System.Net.Sockets.LingerOption(true, 0),
            };
            await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, cos.Port), cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    });
}
