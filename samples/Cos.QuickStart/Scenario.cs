using System.Security.Cryptography;
using System.Text;
using Cos.Generated;

namespace Cos.QuickStart;

/// <summary>Uploads a few objects, lists, downloads and verifies them, presigns one, and cleans up.</summary>
internal static class Scenario
{
    public static async Task RunAsync(CosClient client, string bucket, HttpClient http, CancellationToken cancellationToken)
    {
        var prefix = $"quickstart/{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}/";
        var files = new Dictionary<string, byte[]>
        {
            [prefix + "hello.txt"] = Encoding.UTF8.GetBytes("Hello, COS!"),
            [prefix + "docs/read me.md"] = Encoding.UTF8.GetBytes("# Keys may hold spaces, / and Unicode: 你好"),
            [prefix + "data/random.bin"] = RandomNumberGenerator.GetBytes(3 * 1024 * 1024),
        };

        foreach (var (key, bytes) in files)
        {
            var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = key, Body = new MemoryStream(bytes) }, cancellationToken);
            Console.WriteLine($"  put    {key} ({bytes.Length:N0} bytes, ETag {put.ETag}, CRC-64 {put.Crc64})");
        }

        var listed = new List<string>();
        await foreach (var item in client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = bucket, Prefix = prefix, MaxKeys = 2 }, cancellationToken))
        {
            listed.Add(item.Key!);
        }

        Console.WriteLine($"  listed {listed.Count} objects under {prefix} (two per page)");

        foreach (var (key, bytes) in files)
        {
            await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = key }, cancellationToken);
            using var copy = new MemoryStream();
            await get.Body.CopyToAsync(copy, cancellationToken);
            Require(copy.ToArray().AsSpan().SequenceEqual(bytes), $"the download of {key} differs from the upload");
        }

        Console.WriteLine("  downloaded every object and compared it byte for byte");

        var url = client.GetObjectUrl(bucket, prefix + "hello.txt", TimeSpan.FromMinutes(5));
        var text = await http.GetStringAsync(url, cancellationToken);
        Require(text == "Hello, COS!", "the presigned URL returned something else");

        Console.WriteLine($"  fetched a presigned URL with a plain HttpClient: {Shorten(url.AbsoluteUri)}");

        var deleted = await client.DeleteMultipleObjectsAsync(
            new DeleteMultipleObjectsRequest { Bucket = bucket, Objects = [.. files.Keys.Select(k => new ObjectIdentifier { Key = k })] },
            cancellationToken);
        Require(deleted.Errors.Count == 0, "some objects could not be deleted");
        Console.WriteLine($"  deleted the {files.Count} objects");
    }

    private static string Shorten(string url) => url.Length <= 100 ? url : url[..97] + "...";

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
