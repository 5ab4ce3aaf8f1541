using System.Text;
using Cos.Emulator;
using Cos.Generated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

// The same emulator through the Cos.Generated.Hosting package: options bound from configuration by the
// source-generated binder, the connection from IHttpClientFactory (NativeAOT: no reflection binding).
var clientOptions = emulator.CreateClientOptions();
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Cos:SecretId"] = clientOptions.SecretId,
    ["Cos:SecretKey"] = clientOptions.SecretKey,
    ["Cos:Region"] = clientOptions.Region,
    ["Cos:Protocol"] = clientOptions.Protocol,
    ["Cos:ConnectTo"] = clientOptions.ConnectTo,
    ["Cos:MaxRetries"] = "2",
}).Build();
var services = new ServiceCollection();
services.AddCosClient(configuration.GetSection("Cos"));
await using (var provider = services.BuildServiceProvider())
{
    var hosted = provider.GetRequiredService<ICosClient>();
    await using var get = await hosted.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "docs/a.txt" });
    Console.WriteLine($"hosted: {await new StreamReader(get.Body).ReadToEndAsync()} MaxRetries={hosted.Options.MaxRetries}");
}
