using System.Text;
using Acme.Storage;
using Cos.Emulator;
using Cos.Generated;

// Objects are written with the SDK's own client; ListKeys and StatObject come from acme.api.json.
const string bucket = "acme-1250000000";
await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(bucket)] });
using var cos = new CosClient(emulator.CreateClientOptions());
await cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "reports/q1.csv", Body = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n")) });
await cos.PutObjectAsync(new PutObjectRequest
{
    Bucket = bucket,
    Key = "reports/q2.csv",
    Body = new MemoryStream(Encoding.UTF8.GetBytes("a,b,c\n")),
    Metadata = new Dictionary<string, string> { ["owner"] = "finance" },
});
await cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "notes.txt", Body = new MemoryStream(Encoding.UTF8.GetBytes("n")) });

var acme = new AcmeStorageClient(cos);
var listing = await acme.ListKeysAsync(new ListKeysRequest { Bucket = bucket, Prefix = "reports/" });
Console.WriteLine($"bucket: {listing.Name}");
Console.WriteLine("keys: " + string.Join(",", listing.Contents.Select(entry => $"{entry.Key}={entry.Size}")));

var stat = await acme.StatObjectAsync(new StatObjectRequest { Bucket = bucket, Key = "reports/q2.csv" });
Console.WriteLine($"stat: length={stat.Length} owner={stat.Metadata["owner"]}");

try
{
    await acme.StatObjectAsync(new StatObjectRequest { Bucket = bucket, Key = "reports/missing.csv" });
    Console.WriteLine("missing: found");
}
catch (CosException e)
{
    Console.WriteLine($"missing: {e.StatusCode}");
}
