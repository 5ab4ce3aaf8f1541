using System.Net;
using System.Net.Sockets;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>Helpers shared by the tests: clients of an emulator and a raw HttpClient that always connects to it.</summary>
public static class Emulators
{
    public const string Bucket = "examplebucket-1250000000";
    public const string Region = "ap-guangzhou";
    public const string Host = Bucket + ".cos." + Region + ".myqcloud.com";

    /// <summary>An in-memory emulator with <see cref="Bucket"/>.</summary>
    public static Task<CosEmulator> StartAsync(CosEmulatorOptions? options = null) =>
        CosEmulator.StartAsync(options ?? new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });

    /// <summary>A client with fast retries (tests), otherwise like <see cref="CosEmulator.CreateClientOptions"/>.</summary>
    public static CosClient Client(
        CosEmulator cos,
        string? secretId = null,
        string? secretKey = null,
        string? token = null,
        TimeProvider? time = null,
        bool correctClockSkew = true,
        int maxRetries = 3,
        TimeSpan? signatureExpires = null)
    {
        var defaults = cos.CreateClientOptions();
        return new CosClient(new CosClientOptions
        {
            SecretId = secretId ?? defaults.SecretId,
            SecretKey = secretKey ?? defaults.SecretKey,
            SecurityToken = token,
            Region = defaults.Region,
            Protocol = defaults.Protocol,
            ConnectTo = defaults.ConnectTo,
            TimeProvider = time ?? TimeProvider.System,
            CorrectClockSkew = correctClockSkew,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(30),
            SignatureExpires = signatureExpires ?? TimeSpan.FromSeconds(900),
        });
    }

    /// <summary>An HttpClient whose every connection goes to the emulator, whatever the URL's host.</summary>
    public static HttpClient Raw(CosEmulator cos) => new(new SocketsHttpHandler
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
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
