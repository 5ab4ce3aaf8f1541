using Cos.Generated;
using Cos.Generated.Signing;
using Cos.QuickStart;

// With COS_SECRET_ID, COS_SECRET_KEY, COS_BUCKET and COS_REGION set this talks to real COS.
// Without them it shows, offline, what the client does: the typed requests, the signature and a
// presigned URL. (The local COS emulator, coming next, will make the offline run a full round trip.)
var secretId = Environment.GetEnvironmentVariable("COS_SECRET_ID");
var secretKey = Environment.GetEnvironmentVariable("COS_SECRET_KEY");
var bucket = Environment.GetEnvironmentVariable("COS_BUCKET");
var region = Environment.GetEnvironmentVariable("COS_REGION");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (secretId is { Length: > 0 } && secretKey is { Length: > 0 } && bucket is { Length: > 0 } && region is { Length: > 0 })
{
    Console.WriteLine($"Cos.Generated quick start against COS: bucket {bucket} in {region}");
    using var client = new CosClient(new CosClientOptions { SecretId = secretId, SecretKey = secretKey, Region = region });
    await Scenario.RunAsync(client, bucket, cancel.Token);
    Console.WriteLine("Done.");
    return 0;
}

Console.WriteLine("Cos.Generated quick start (offline: set COS_SECRET_ID, COS_SECRET_KEY, COS_BUCKET and COS_REGION to use real COS)");
const string demoBucket = "examplebucket-1250000000";
using (var client = new CosClient(new CosClientOptions { SecretId = "AKIDEXAMPLE", SecretKey = "SECRETEXAMPLE", Region = "ap-guangzhou" }))
{
    var request = new PutObjectRequest { Bucket = demoBucket, Key = "docs/read me.md", Body = Stream.Null, ContentType = "text/markdown", StorageClass = StorageClass.StandardIa };
    Console.WriteLine($"  a typed request:     PutObjectRequest {{ Bucket = {request.Bucket}, Key = {request.Key}, StorageClass = {request.StorageClass} }}");
    var url = client.GetObjectUrl(demoBucket, request.Key, TimeSpan.FromMinutes(5));
    Console.WriteLine($"  is sent to:          {url.GetLeftPart(UriPartial.Path)}");

    var authorization = CosSigner.GetAuthorization(
        "AKIDEXAMPLE", "SECRETEXAMPLE", "PUT", "/docs/read me.md", [],
        [new("Host", $"{demoBucket}.cos.ap-guangzhou.myqcloud.com"), new("Content-Type", "text/markdown"), new("x-cos-storage-class", "STANDARD_IA")],
        CosKeyTime.FromNow(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15)));
    Console.WriteLine($"  signed with:         Authorization: {authorization[..Math.Min(authorization.Length, 120)]}...");
    Console.WriteLine($"  a presigned GET URL: {url}");
}

Console.WriteLine("Done. Run the tests with: dotnet test Cos.Generated.sln");
return 0;
