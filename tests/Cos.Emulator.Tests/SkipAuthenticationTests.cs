using System.Net;
using System.Text;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Tests;

/// <summary>
/// The benchmark-only mode that skips authentication, so AWSSDK.S3 (SigV4, path-style on the IP address) can be
/// measured against the emulator (tests/Cos.Transfer.Bench); and that without it such requests are refused.
/// </summary>
public sealed class SkipAuthenticationTests
{
    private const string SigV4 = "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(null)]
    [InlineData(SigV4)]
    public async Task By_default_unsigned_and_SigV4_requests_are_refused_and_store_nothing(string? authorization)
    {
        await using var cos = await Emulators.StartAsync();
        cos.Options.SkipAuthentication.ShouldBeFalse();
        using var http = Emulators.Raw(cos);

        using var put = AwsStyle(cos, HttpMethod.Put, "hello.txt", Encoding.UTF8.GetBytes("hello"), authorization);
        using var response = await http.SendAsync(put);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>AccessDenied</Code>");
        cos.Store.GetObject(Emulators.Bucket, "hello.txt").ShouldBeNull();
    }

    [Fact]
    public async Task With_SkipAuthentication_an_AWS_style_path_style_multipart_upload_completes_and_reads_back()
    {
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { SkipAuthentication = true, Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        using var http = Emulators.Raw(cos);
        var first = Emulators.Bytes(1024 * 1024, seed: 1);
        var second = Emulators.Bytes(1000, seed: 2);

        using var initiate = await http.SendAsync(AwsStyle(cos, HttpMethod.Post, "big.bin?uploads", null, SigV4));
        initiate.StatusCode.ShouldBe(HttpStatusCode.OK);
        var uploadId = XElementValue(await initiate.Content.ReadAsStringAsync(), "UploadId");

        var etags = new List<string>();
        foreach (var (number, part) in new[] { (1, first), (2, second) })
        {
            using var request = AwsStyle(cos, HttpMethod.Put, $"big.bin?partNumber={number}&uploadId={uploadId}", part, SigV4);
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            etags.Add(response.Headers.ETag!.Tag);
        }

        // The body AWSSDK.S3 sends: in the S3 namespace, ETags quoted.
        var complete = $"""<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><ETag>{etags[0]}</ETag><PartNumber>1</PartNumber></Part><Part><ETag>{etags[1]}</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>""";
        using var completed = await http.SendAsync(AwsStyle(cos, HttpMethod.Post, $"big.bin?uploadId={uploadId}", Encoding.UTF8.GetBytes(complete), SigV4));
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());

        var whole = first.Concat(second).ToArray();
        using var get = AwsStyle(cos, HttpMethod.Get, "big.bin", null, authorization: null);
        get.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1024 * 1024 - 10, 1024 * 1024 + 9);
        using var ranged = await http.SendAsync(get);
        ranged.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await ranged.Content.ReadAsByteArrayAsync()).ShouldBe(whole[(1024 * 1024 - 10)..(1024 * 1024 + 10)]);
        ranged.Headers.GetValues("x-cos-hash-crc64ecma").Single().ShouldBe(CosCrc64.Format(CosCrc64.Compute(whole)));
    }

    [Fact]
    public void The_standalone_flag_no_auth_turns_it_on_and_it_is_off_without()
    {
        Cos.Emulator.Cli.EmulatorArguments.Parse(["--no-auth", "--discard-bodies"], out _, out _)!.SkipAuthentication.ShouldBeTrue();
        Cos.Emulator.Cli.EmulatorArguments.Parse(["--discard-bodies"], out _, out _)!.SkipAuthentication.ShouldBeFalse();
    }

    /// <summary>A request as AWSSDK.S3 sends it with ForcePathStyle: <c>http://127.0.0.1:port/bucket/key</c> and x-amz headers.</summary>
    private static HttpRequestMessage AwsStyle(CosEmulator cos, HttpMethod method, string keyAndQuery, byte[]? body, string? authorization)
    {
        var request = new HttpRequestMessage(method, $"http://127.0.0.1:{cos.Port}/{Emulators.Bucket}/{keyAndQuery}");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        request.Headers.TryAddWithoutValidation("x-amz-date", "20260101T000000Z");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string XElementValue(string xml, string name) =>
        System.Xml.Linq.XDocument.Parse(xml).Descendants().Single(e => e.Name.LocalName == name).Value;
}
