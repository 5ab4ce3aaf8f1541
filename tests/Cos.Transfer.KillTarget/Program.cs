using System.Globalization;
using Cos.Generated;
using Cos.Generated.Transfer;

// Uploads <file> to <bucket>/<key> on a COS emulator at 127.0.0.1:<port>, keeping its checkpoint in
// <checkpoint-directory>: 1 MiB parts, two in flight. The key pair comes from COS_SECRET_ID and COS_SECRET_KEY
// (not the command line). It prints one line per event so a test can follow it:
//   started <size>      before the upload begins
//   sent <bytes>        each time another whole MiB has been sent
//   done <upload-id>    when the object is complete (exit 0); "failed <type>: <message>" otherwise (exit 1)
if (args.Length != 5 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
{
    Console.Error.WriteLine("usage: Cos.Transfer.KillTarget <port> <bucket> <key> <file> <checkpoint-directory>");
    return 2;
}

var (bucket, key, file, checkpoints) = (args[1], args[2], args[3], args[4]);
const long MiB = 1024 * 1024;
using var client = new CosClient(new CosClientOptions
{
    SecretId = Environment.GetEnvironmentVariable("COS_SECRET_ID"),
    SecretKey = Environment.GetEnvironmentVariable("COS_SECRET_KEY"),
    Region = "ap-guangzhou",
    Protocol = "http",
    ConnectTo = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
    ChunkSize = MiB,
    SliceSize = MiB,
    ChunkParallelLimit = 2,
    ProgressInterval = TimeSpan.Zero,
});

Console.WriteLine($"started {new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture)}");
var reported = 0L;
var progress = new LineProgress(p =>
{
    var whole = p.Loaded / MiB;
    if (whole > reported)
    {
        reported = whole;
        Console.WriteLine($"sent {p.Loaded.ToString(CultureInfo.InvariantCulture)}");
    }
});

try
{
    var result = await client.UploadFileAsync(bucket, key, file, new CosUploadOptions { CheckpointDirectory = checkpoints }, progress);
    Console.WriteLine($"done {result.UploadId}");
    return 0;
}
catch (Exception ex)
{
    Console.WriteLine($"failed {ex.GetType().Name}: {ex.Message}");
    return 1;
}

/// <summary>Reports on the uploading thread, one at a time (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class LineProgress(Action<CosTransferProgress> report) : IProgress<CosTransferProgress>
{
    private readonly Lock _gate = new();

    public void Report(CosTransferProgress value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
