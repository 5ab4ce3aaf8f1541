using System.Text;
using Cos.AotSmoke;
using Cos.Generated;
using Cos.Generated.Credentials;
using Cos.Generated.Integrity;
using Cos.Generated.Signing;

// Exercises the generated client under NativeAOT: signing, marshalling, XML parsing, streaming,
// pagination and errors, against a loopback server. Exit code 0 means every check held.
var stored = new Dictionary<string, byte[]>();
var signRequests = new List<string>();
var tokens = new List<string>();
await using var server = new MiniServer(request =>
{
    // The credential backends (JS SDK sample formats), served by the same loopback server.
    switch (request.Method, request.Target)
    {
        case ("GET", "/_backend/sts"):
            var expired = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            return Response.Json($$"""{"credentials":{"tmpSecretId":"AKIDTMPAOT","tmpSecretKey":"tmp-aot-key","sessionToken":"aot-token"},"startTime":{{expired - 3600}},"expiredTime":{{expired}}}""");
        case ("POST", "/_backend/sign"):
            signRequests.Add(Encoding.UTF8.GetString(request.Body));
            return Response.Json("""{"authorization":"q-sign-algorithm=sha1&q-ak=AKIDSIGNED&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=00","securityToken":"signed-token"}""");
    }

    if (request.Headers.TryGetValue("x-cos-security-token", out var token))
    {
        tokens.Add(token);
    }

    if (!request.Headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("q-sign-algorithm=sha1&", StringComparison.Ordinal))
    {
        return new Response(403, Encoding.UTF8.GetBytes("<Error><Code>AccessDenied</Code></Error>"));
    }

    var path = request.Target.Split('?')[0];
    return (request.Method, path) switch
    {
        ("PUT", _) => Store(path, request.Body),
        ("GET", "/") => Response.Xml("<ListBucketResult><IsTruncated>false</IsTruncated>" + string.Concat(stored.Keys.Select(k => $"<Contents><Key>{k.TrimStart('/')}</Key><Size>{stored[k].Length}</Size></Contents>")) + "</ListBucketResult>"),
        ("GET", _) when stored.TryGetValue(path, out var body) => new Response(200, body, ("ETag", "\"e\""), ("x-cos-hash-crc64ecma", CosCrc64.Format(CosCrc64.Compute(body)))),
        _ => new Response(404, Encoding.UTF8.GetBytes("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")),
    };

    Response Store(string key, byte[] body)
    {
        // Keys with "wrong-crc" get a CRC-64 that is not the body's, on purpose: the client must refuse it.
        stored[key] = body;
        var crc = key.Contains("wrong-crc", StringComparison.Ordinal) ? ulong.MaxValue : CosCrc64.Compute(body);
        return new Response(200, [], ("ETag", "\"e\""), ("x-cos-hash-crc64ecma", CosCrc64.Format(crc)));
    }
});

using var client = new CosClient(new CosClientOptions
{
    SecretId = "AKIDEXAMPLE",
    SecretKey = "SECRETEXAMPLE",
    Region = "ap-guangzhou",
    Protocol = "http",
    ConnectTo = $"127.0.0.1:{server.Port}",
});
const string bucket = "examplebucket-1250000000";

Check(
    CosSigner.GetAuthorization("AKIDEXAMPLE", "SECRETEXAMPLE", "GET", "/exampleobject.txt", [], [], CosKeyTime.Parse("1700000000;1700003600")).EndsWith("q-signature=1587347160481fc6c55a692541bf7fd7575817f8", StringComparison.Ordinal),
    "signer reproduces the official vector");

var hello = Encoding.UTF8.GetBytes("hello from NativeAOT");
var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "aot/hello world.txt", Body = new MemoryStream(hello) });
Check(put.Crc64 == CosCrc64.Compute(hello) && put.ETag == "\"e\"", "PutObject reads ETag and CRC-64");

try
{
    await client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "aot/wrong-crc.txt", Body = new MemoryStream(hello), RequestOptions = new CosRequestOptions { MaxRetries = 0 } });
    Check(false, "PutObject checks the CRC-64");
}
catch (CosIntegrityException e)
{
    Check(e.ActualCrc64 == ulong.MaxValue, "PutObject checks the CRC-64");
}

var keys = new List<string>();
await foreach (var item in client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = bucket }))
{
    keys.Add(item.Key!);
}

Check(keys.SequenceEqual(["aot/hello%20world.txt", "aot/wrong-crc.txt"]), "EnumerateObjects parses the listing");

await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "aot/hello world.txt" }))
{
    Check(new StreamReader(get.Body).ReadToEnd() == "hello from NativeAOT", "GetObject streams the body");
}

try
{
    await client.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "missing" });
    Check(false, "a missing key fails");
}
catch (CosException e)
{
    Check(e.StatusCode == 404 && e.ErrorCode == CosErrorCodes.NoSuchKey && e.RequestId == "smoke", "a missing key fails with NoSuchKey");
}

// The transfer engine (checkpoint JSON, parts, CRC-64) is compiled in; the smoke server's CRC is wrong on purpose here.
var smokeFile = Path.Combine(Path.GetTempPath(), $"cos-aot-smoke-{Environment.ProcessId}.txt");
File.WriteAllText(smokeFile, "upload from NativeAOT");
try
{
    await client.UploadFileAsync(bucket, "aot/wrong-crc-upload.txt", smokeFile);
    Check(false, "UploadFileAsync checks the CRC-64");
}
catch (CosIntegrityException e)
{
    Check(e.ActualCrc64 == ulong.MaxValue, "UploadFileAsync checks the CRC-64");
}
finally
{
    File.Delete(smokeFile);
}

var url = client.GetObjectUrl(bucket, "aot/hello world.txt", TimeSpan.FromMinutes(5));
Check(url.AbsoluteUri.Contains("q-signature=", StringComparison.Ordinal), "presigned URL");

// The Refit credential providers (source-generated client and JSON) under NativeAOT.
var backendOptions = new HttpCredentialProviderOptions { Timeout = TimeSpan.FromSeconds(10) };
using (var sts = new HttpTemporaryCredentialProvider(new Uri($"http://127.0.0.1:{server.Port}/_backend/sts"), options: backendOptions))
using (var stsClient = new CosClient(new CosClientOptions { CredentialProvider = sts, Region = "ap-guangzhou", Protocol = "http", ConnectTo = $"127.0.0.1:{server.Port}" }))
{
    await stsClient.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "aot/sts.txt", Body = new MemoryStream(Encoding.UTF8.GetBytes("temporary key")) });
    Check(tokens.LastOrDefault() == "aot-token", "HttpTemporaryCredentialProvider reads the JSON key and the token is sent");
}

using (var signer = new HttpAuthorizationProvider(new Uri($"http://127.0.0.1:{server.Port}/_backend/sign"), backendOptions))
using (var signedClient = new CosClient(new CosClientOptions { AuthorizationProvider = signer, Region = "ap-guangzhou", Protocol = "http", ConnectTo = $"127.0.0.1:{server.Port}" }))
{
    await using var signed = await signedClient.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "aot/sts.txt" });
    Check(
        signRequests.Count == 1 && signRequests[0].Contains("\"pathname\":\"/aot/sts.txt\"", StringComparison.Ordinal) && tokens.LastOrDefault() == "signed-token",
        "HttpAuthorizationProvider posts the request and uses the backend's signature");
}

// Observability under NativeAOT: the source-generated log messages, the meter and the activity source.
{
    var events = new List<int>();
    var durations = new List<double>();
    var spans = new List<string>();
    using var meterListener = new System.Diagnostics.Metrics.MeterListener
    {
        InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Cos.Generated")
            {
                l.EnableMeasurementEvents(instrument);
            }
        },
    };
    meterListener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
    {
        if (instrument.Name == "cos.client.operation.duration")
        {
            durations.Add(value);
        }
    });
    meterListener.Start();
    using var activityListener = new System.Diagnostics.ActivityListener
    {
        ShouldListenTo = source => source.Name == "Cos.Generated",
        Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        ActivityStopped = activity => spans.Add(activity.OperationName),
    };
    System.Diagnostics.ActivitySource.AddActivityListener(activityListener);
    using var observed = new CosClient(new CosClientOptions
    {
        SecretId = "AKIDEXAMPLE",
        SecretKey = "SECRETEXAMPLE",
        Region = "ap-guangzhou",
        Protocol = "http",
        ConnectTo = $"127.0.0.1:{server.Port}",
        LoggerFactory = new SmokeLoggerFactory(events),
    });
    await using (var got = await observed.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = "aot/hello world.txt" }))
    {
        await got.Body.CopyToAsync(Stream.Null);
    }

    Check(events.SequenceEqual([1001, 1002]) && durations.Count == 1 && spans.SequenceEqual(["GetObject"]), "log events, metrics and spans");
}

Console.WriteLine("AOT smoke: all checks passed");
return 0;

static void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        Environment.Exit(1);
    }
}

/// <summary>Keeps the event ids of every log entry.</summary>
internal sealed class SmokeLoggerFactory(List<int> events) : Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILogger
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _ = formatter(state, exception);
        events.Add(eventId.Id);
    }
}
