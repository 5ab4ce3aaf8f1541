using System.Net.Sockets;
using Cos.Emulator;
using Cos.Generated;
using Cos.QuickStart;

// With COS_SECRET_ID, COS_SECRET_KEY, COS_BUCKET and COS_REGION set this talks to real COS.
// Without them it starts the local COS emulator in this process and does the same against it.
var secretId = Environment.GetEnvironmentVariable("COS_SECRET_ID");
var secretKey = Environment.GetEnvironmentVariable("COS_SECRET_KEY");
var bucket = Environment.GetEnvironmentVariable("COS_BUCKET");
var region = Environment.GetEnvironmentVariable("COS_REGION");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

try
{
    if (secretId is { Length: > 0 } && secretKey is { Length: > 0 } && bucket is { Length: > 0 } && region is { Length: > 0 })
    {
        Console.WriteLine($"Cos.Generated quick start against COS: bucket {bucket} in {region}");
        using var client = new CosClient(new CosClientOptions { SecretId = secretId, SecretKey = secretKey, Region = region });
        using var http = new HttpClient();
        await Scenario.RunAsync(client, bucket, http, cancel.Token);
    }
    else
    {
        await using var emulator = await CosEmulator.StartAsync(cancellationToken: cancel.Token);
        Console.WriteLine($"Cos.Generated quick start against the local COS emulator at {emulator.Endpoint}");
        Console.WriteLine("  (set COS_SECRET_ID, COS_SECRET_KEY, COS_BUCKET and COS_REGION to use real COS)");
        using var client = new CosClient(emulator.CreateClientOptions());
        const string demoBucket = "quickstart-1250000000";
        await client.PutBucketAsync(new PutBucketRequest { Bucket = demoBucket }, cancel.Token);
        Console.WriteLine($"  created bucket {demoBucket}");

        // Presigned URLs name the bucket's virtual host; this plain HttpClient connects it to the emulator.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", emulator.Port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        await Scenario.RunAsync(client, demoBucket, http, cancel.Token);
        await client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = demoBucket }, cancel.Token);
        Console.WriteLine($"  deleted bucket {demoBucket}");
    }

}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.WriteLine("Canceled.");
    return 130;
}
catch (CosException e)
{
    Console.Error.WriteLine($"COS error: {e.Message}");
    return 1;
}

Console.WriteLine("Done.");
return 0;
