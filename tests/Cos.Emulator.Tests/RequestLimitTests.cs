using System.Text;
using System.Xml.Linq;

namespace Cos.Emulator.Tests;

/// <summary>Bounds on what a request may carry: keys of 850 bytes, XML bodies under their own root, 1000 signed parameters.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;

    public async Task InitializeAsync() => _cos = await Emulators.StartAsync();

    public async Task DisposeAsync() => await _cos.DisposeAsync();

    [Fact]
    public async Task A_key_of_more_than_850_UTF8_bytes_is_KeyTooLong()
    {
        // 283 three-byte characters: 849 bytes, and 566 in percent-encoded form each way.
        var wide = string.Concat(Enumerable.Repeat("中", 283));
        var longest = wide + "a";
        var tooLong = wide + "ab";
        Encoding.UTF8.GetByteCount(longest).ShouldBe(850);

        (await SendAsync(HttpMethod.Put, "/" + Uri.EscapeDataString(longest), [1])).Status.ShouldBe(200);
        _cos.Store.GetObject(Emulators.Bucket, longest).ShouldNotBeNull();

        foreach (var (method, query) in new[] { (HttpMethod.Put, ""), (HttpMethod.Post, "?uploads"), (HttpMethod.Get, "") })
        {
            var (status, body) = await SendAsync(method, "/" + Uri.EscapeDataString(tooLong) + query, method == HttpMethod.Put ? [1] : null);
            status.ShouldBe(400, $"{method}{query}");
            XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("KeyTooLong");
        }

        var (_, sixtyThousand) = await SendAsync(HttpMethod.Put, "/" + new string('k', 60_000), [1]);
        XDocument.Parse(sixtyThousand).Root!.Element("Code")!.Value.ShouldBe("KeyTooLong");
        _cos.Store.ListObjects(Emulators.Bucket, string.Empty, null).Select(o => o.Key).ShouldBe([longest]);
        _cos.Store.ListUploads(Emulators.Bucket).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<CompleteMultipartUpload>{0}</CompleteMultipartUpload>", 200)]
    [InlineData("<CompleteMultipartUpload xmlns=\"\">{0}</CompleteMultipartUpload>", 200)]
    [InlineData("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">{0}</CompleteMultipartUpload>", 200)]
    [InlineData("<CompleteMultipartUpload xmlns=\"urn:other\">{0}</CompleteMultipartUpload>", 400)]
    [InlineData("<x:CompleteMultipartUpload xmlns:x=\"urn:other\">{0}</x:CompleteMultipartUpload>", 400)]
    [InlineData("<NotCompleteMultipartUpload>{0}</NotCompleteMultipartUpload>", 400)]
    public async Task CompleteMultipartUpload_takes_only_its_own_root_element(string document, int expected)
    {
        var initiated = await SendAsync(HttpMethod.Post, "/done.bin?uploads");
        var uploadId = XDocument.Parse(initiated.Body).Root!.Element("UploadId")!.Value;
        var part = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, $"/done.bin?partNumber=1&uploadId={uploadId}", [7, 7]));
        var parts = $"<Part><PartNumber>1</PartNumber><ETag>{part.Response.Headers.ETag!.Tag}</ETag></Part>";

        var (status, body) = await SendAsync(HttpMethod.Post, $"/done.bin?uploadId={uploadId}", Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, document, parts)));

        status.ShouldBe(expected, body);
        if (expected == 400)
        {
            XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("MalformedXML");
            _cos.Store.GetUpload(Emulators.Bucket, uploadId).ShouldNotBeNull("a refused Complete leaves the upload open");
            _cos.Store.GetObject(Emulators.Bucket, "done.bin").ShouldBeNull();
        }
        else
        {
            _cos.Store.GetObject(Emulators.Bucket, "done.bin")!.Size.ShouldBe(2);
        }
    }

    [Fact]
    public async Task At_most_1000_query_parameters_are_signed_over()
    {
        await SendAsync(HttpMethod.Put, "/p.txt", [1]);
        var (status, _) = await SendAsync(HttpMethod.Get, "/p.txt?" + Parameters(1000));
        status.ShouldBe(200, "1000 signed parameters are checked");

        var (tooMany, body) = await SendAsync(HttpMethod.Get, "/p.txt?" + Parameters(1001));
        tooMany.ShouldBe(400);
        XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");

        // Refused before any signature work: a wrong key makes no SignatureDoesNotMatch.
        var wrongKey = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/p.txt?" + Parameters(5000), secretKey: "wrong"));
        wrongKey.Status.ShouldBe(400);
        XDocument.Parse(wrongKey.Body).Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");

        // Unsigned, it is refused as unsigned first.
        var unsigned = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/p.txt?" + Parameters(5000), sign: false));
        unsigned.Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_header_list_of_more_than_1000_names_is_refused_before_signature_work()
    {
        await SendAsync(HttpMethod.Put, "/h.txt", [1]);
        var request = RawRequests.Create(_cos, HttpMethod.Get, "/h.txt");
        var authorization = request.Headers.GetValues("Authorization").Single();
        var listed = string.Join(';', Enumerable.Repeat("host", 1001));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", System.Text.RegularExpressions.Regex.Replace(authorization, "q-header-list=[^&]*", "q-header-list=" + listed));

        var (status, body, _) = await RawRequests.SendAsync(_cos, request);

        status.ShouldBe(400);
        XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");
    }

    /// <summary>Distinct short parameters (<c>p0=v&amp;p1=v…</c>), so thousands fit Kestrel's 64 KiB request line.</summary>
    private static string Parameters(int count) => string.Join('&', Enumerable.Range(0, count).Select(i => $"p{i}=v"));

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body = null)
    {
        var (status, text, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, method, pathAndQuery, body));
        return (status, text);
    }
}
