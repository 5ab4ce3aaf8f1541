using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Operations;

/// <summary>Writes XML response bodies and COS's date formats.</summary>
internal static class Xml
{
    /// <summary>The namespace of S3's request documents, which COS accepts as well as none.</summary>
    private const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Async = false };

    public static Task WriteAsync(HttpResponse response, string root, Action<XmlWriter> body, int status = 200) =>
        SendAsync(response, Build(root, body), status);

    /// <summary>
    /// The bytes of a document, built before anything is sent: an operation that must not take effect unless it
    /// can answer builds its answer first.
    /// </summary>
    public static byte[] Build(string root, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root);
            body(xml);
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>Sends a document made by <see cref="Build"/>.</summary>
    public static async Task SendAsync(HttpResponse response, byte[] document, int status = 200)
    {
        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.ContentLength = document.Length;
        await response.Body.WriteAsync(document);
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Http(DateTimeOffset time) => time.ToString("r", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Owner(XmlWriter xml, string element, string ownerId)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("ID", $"qcs::cam::uin/{ownerId}:uin/{ownerId}");
        xml.WriteElementString("DisplayName", ownerId);
        xml.WriteEndElement();
    }

    /// <summary>Reads a request body as XML (at most 4 MiB); throws MalformedXML.</summary>
    public static async Task<(XmlDocument Document, byte[] Raw)> ReadAsync(HttpRequest request, string root)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > 4 * 1024 * 1024)
            {
                throw Errors.CosErrors.MalformedXml("The XML body is larger than 4 MiB.");
            }
        }

        var raw = buffer.ToArray();
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(raw), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw Errors.CosErrors.MalformedXml($"The XML you provided was not well-formed: {e.Message}");
        }

        // The root is matched whole: its name without a prefix, in no namespace or in S3's (the AWS SDKs send
        // theirs, and COS serves them); a same-named element of any other vocabulary is not this document.
        if (document.DocumentElement is not { } element || element.Name != root || element.NamespaceURI is not ("" or S3Namespace))
        {
            throw Errors.CosErrors.MalformedXml($"The XML root must be <{root}>, in no namespace (or S3's).");
        }

        return (document, raw);
    }
}
