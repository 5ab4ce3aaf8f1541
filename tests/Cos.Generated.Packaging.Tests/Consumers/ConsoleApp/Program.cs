using System.Text;
using Cos.Emulator;
using Cos.Generated;

// Starts the emulator from the Cos.Emulator package and talks to it with the client from the Cos.Generated package.
const string bucket = "consumer-1250000000";
await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(bucket)] });
using var cos = new CosClient(emulator.CreateClientOptions());

foreach (var (key, text) in new[] { ("docs/a.txt", "alpha"), ("docs/b.txt", "bravo!"), ("other/c.txt", "charlie") })
{
    await cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = key, Body = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
}

await using (var get = await cos.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "docs/b.txt" }))
{
    Console.WriteLine("read: " + await new StreamReader(get.Body).ReadToEndAsync());
}

var listed = new List<string>();
await foreach (var item in cos.EnumerateObjectsAsync(new GetBucketRequest { Bucket = bucket, Prefix = "docs/" }))
{
    listed.Add($"{item.Key}={item.Size}");
}

Console.WriteLine("listed: " + string.Join(",", listed));

try
{
    await cos.HeadObjectAsync(new HeadObjectRequest { Bucket = bucket, Key = "docs/missing.txt" });
    Console.WriteLine("missing: found");
}
catch (CosException e)
{
    Console.WriteLine($"missing: {e.StatusCode}");
}
