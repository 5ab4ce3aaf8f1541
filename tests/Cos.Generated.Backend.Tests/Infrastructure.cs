using System.Net;
using System.Net.Sockets;
using Cos.Emulator;
using Cos.Generated.Backend.Sts;

namespace Cos.Generated.Backend.Tests;

/// <summary>A clock the test moves by hand; shared by the emulator and the clients so that time is exact.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Emulators with a bucket or two, a raw HttpClient to them, and clients of their STS.</summary>
public static class Emulators
{
    public const string Region = "ap-guangzhou";
    public const string Bucket = "examplebucket-1250000000";
    public const string OtherBucket = "otherbucket-1250000000";
    public const string Host = Bucket + ".cos." + Region + ".myqcloud.com";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static Task<CosEmulator> StartAsync(TimeProvider clock) => CosEmulator.StartAsync(new CosEmulatorOptions
    {
        Buckets = [new EmulatorBucket(Bucket, Region), new EmulatorBucket(OtherBucket, Region)],
        TimeProvider = clock,
    });

    /// <summary>An HttpClient whose every connection goes to the emulator, whatever the URL's host.</summary>
    public static HttpClient Raw(CosEmulator cos) => new(ToEmulator(cos)) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Like <see cref="Raw"/>, and keeps the request id of each STS answer in <paramref name="recorder"/>.</summary>
    public static HttpClient Recording(CosEmulator cos, out StsResponseRecorder recorder) =>
        new(recorder = new StsResponseRecorder(ToEmulator(cos))) { Timeout = TimeSpan.FromSeconds(30) };

    private static SocketsHttpHandler ToEmulator(CosEmulator cos) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, cos.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        AllowAutoRedirect = false,
    };

    /// <summary>An STS client of the emulator at its STS host (sts.tencentcloudapi.com, connected to the emulator).</summary>
    public static CosStsClient StsClient(CosEmulator cos, HttpClient http, TimeProvider clock, string? secretId = null, string? secretKey = null) => new(
        new CosStsClientOptions
        {
            SecretId = secretId ?? cos.SecretId,
            SecretKey = secretKey ?? cos.SecretKey,
            Region = Region,
            Endpoint = new Uri("http://sts.tencentcloudapi.com/"),
            TimeProvider = clock,
        },
        http);

    /// <summary>A COS client signing with <paramref name="credentials"/>, no retries.</summary>
    public static CosClient Client(CosEmulator cos, CosTemporaryCredentials credentials, TimeProvider clock) => new(cos.CreateClientOptions(Region) with
    {
        SecretId = credentials.TmpSecretId,
        SecretKey = credentials.TmpSecretKey,
        SecurityToken = credentials.SessionToken,
        TimeProvider = clock,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(30),
    });

    /// <summary>A COS client with the emulator's permanent key.</summary>
    public static CosClient Admin(CosEmulator cos, TimeProvider clock) => new(cos.CreateClientOptions(Region) with { TimeProvider = clock, MaxRetries = 0 });
}
