using System.Xml.Linq;

namespace Cos.Emulator.Tests;

/// <summary>
/// Keys and echoed values with a character XML 1.0 cannot carry (U+0001, not even as <c>&amp;#x1;</c>): listings
/// need <c>encoding-type=url</c>, as on COS; every other answer stays well-formed XML.
/// </summary>
public sealed class ControlCharacterTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;

    public async Task InitializeAsync() => _cos = await Emulators.StartAsync();

    public async Task DisposeAsync() => await _cos.DisposeAsync();

    [Fact]
    public async Task Listing_such_a_key_needs_encoding_type_url()
    {
        (await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/a%01b.txt", "x"u8.ToArray()))).Status.ShouldBe(200);
        (await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/plain.txt", "y"u8.ToArray()))).Status.ShouldBe(200);

        var (status, xml) = await SendAsync(HttpMethod.Get, "/?prefix=a");
        status.ShouldBe(400);
        xml.Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");
        xml.Root!.Element("Message")!.Value.ShouldContain("encoding-type=url");

        (status, xml) = await SendAsync(HttpMethod.Get, "/?prefix=a&encoding-type=url");
        status.ShouldBe(200);
        xml.Root!.Elements("Contents").Select(c => c.Element("Key")!.Value).ShouldBe(["a%01b.txt"]);

        (status, xml) = await SendAsync(HttpMethod.Get, "/?prefix=p");
        status.ShouldBe(200, "a page without such a key needs no encoding");
        xml.Root!.Elements("Contents").Select(c => c.Element("Key")!.Value).ShouldBe(["plain.txt"]);

        (status, xml) = await SendAsync(HttpMethod.Get, "/?prefix=%01");
        status.ShouldBe(400, "the echoed prefix is part of the listing too");
        xml.Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");
    }

    [Fact]
    public async Task A_multipart_upload_of_such_a_key_answers_well_formed_XML_and_its_listings_need_encoding_type_url()
    {
        var (status, xml) = await SendAsync(HttpMethod.Post, "/a%01b.bin?uploads");
        status.ShouldBe(200);
        xml.Root!.Element("Key")!.Value.ShouldBe("a%01b.bin");
        var uploadId = xml.Root!.Element("UploadId")!.Value;

        (status, xml) = await SendAsync(HttpMethod.Get, "/?uploads");
        status.ShouldBe(400);
        xml.Root!.Element("Message")!.Value.ShouldContain("encoding-type=url");
        (status, xml) = await SendAsync(HttpMethod.Get, "/?uploads&encoding-type=url");
        status.ShouldBe(200);
        xml.Root!.Elements("Upload").Select(u => u.Element("Key")!.Value).ShouldBe(["a%01b.bin"]);

        var part = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, $"/a%01b.bin?partNumber=1&uploadId={uploadId}", "part"u8.ToArray()));
        part.Status.ShouldBe(200);
        var etag = part.Response.Headers.ETag!.Tag;

        (status, xml) = await SendAsync(HttpMethod.Get, $"/a%01b.bin?uploadId={uploadId}");
        status.ShouldBe(400);
        xml.Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");
        (status, xml) = await SendAsync(HttpMethod.Get, $"/a%01b.bin?uploadId={uploadId}&encoding-type=url");
        status.ShouldBe(200);
        xml.Root!.Element("Key")!.Value.ShouldBe("a%01b.bin");

        var complete = $"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{etag}</ETag></Part></CompleteMultipartUpload>";
        (status, xml) = await SendAsync(HttpMethod.Post, $"/a%01b.bin?uploadId={uploadId}", System.Text.Encoding.UTF8.GetBytes(complete));
        status.ShouldBe(200);
        xml.Root!.Element("Key")!.Value.ShouldBe("a%01b.bin");
        _cos.Store.GetObject(Emulators.Bucket, "a\u0001b.bin")!.Size.ShouldBe(4);
    }

    [Fact]
    public async Task Errors_that_echo_such_a_character_are_well_formed_XML()
    {
        var (status, xml) = await SendAsync(HttpMethod.Get, "/missing%01.txt");
        status.ShouldBe(404);
        xml.Root!.Element("Code")!.Value.ShouldBe("NoSuchKey");
        xml.Root!.Element("Resource")!.Value.ShouldEndWith("/missing%01.txt");

        (status, xml) = await SendAsync(HttpMethod.Get, "/?q-sign-algorithm=%01", sign: false);
        status.ShouldBe(403);
        xml.Root!.Element("Code")!.Value.ShouldBe("AccessDenied");

        (status, xml) = await SendAsync(HttpMethod.Get, "/?q-sign-algorithm=%01&q-ak=AKIDX&q-signature=00", sign: false);
        status.ShouldBe(403);
        xml.Root!.Element("Code")!.Value.ShouldBe("AccessDenied");
        xml.Root!.Element("Message")!.Value.ShouldContain("'%01'");
    }

    [Fact]
    public async Task A_response_header_override_with_a_control_character_is_InvalidArgument()
    {
        (await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/h.txt", "x"u8.ToArray()))).Status.ShouldBe(200);

        var (status, xml) = await SendAsync(HttpMethod.Get, "/h.txt?response-content-type=text%01plain");

        status.ShouldBe(400);
        xml.Root!.Element("Code")!.Value.ShouldBe("InvalidArgument");
        xml.Root!.Element("Message")!.Value.ShouldContain("response-content-type");
    }

    /// <summary>Sends a request and parses its answer, which must be well-formed XML (parsing checks every character).</summary>
    private async Task<(int Status, XDocument Xml)> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body = null, bool sign = true)
    {
        var (status, text, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, method, pathAndQuery, body, sign: sign));
        text.ShouldNotBeEmpty($"{method} {pathAndQuery} answered {status} without a body");
        return (status, XDocument.Parse(text));
    }
}
