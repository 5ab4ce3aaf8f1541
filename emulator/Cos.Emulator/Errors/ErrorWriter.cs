using System.Text;
using System.Xml;
using Cos.Emulator.Operations;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Errors;

/// <summary>Writes <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;Resource/&gt;&lt;RequestId/&gt;&lt;TraceId/&gt;&lt;/Error&gt;</c>.</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, CosErrorException error, string resource, string requestId, string traceId)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        // A HEAD (or a 304) carries no body: the code goes in a header, as COS sends it, so clients can tell NoSuchKey
        // from NoSuchBucket.
        response.Headers["x-cos-error-code"] = error.Code;
        if (HttpMethods.IsHead(context.Request.Method) || error.Status == 304)
        {
            return;
        }

        var body = Format(error, resource, requestId, traceId);
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public static byte[] Format(CosErrorException error, string resource, string requestId, string traceId)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", XmlChars.Escape(error.Code));
            // Messages and the resource may echo keys and request values; XML 1.0 cannot carry all of their characters.
            xml.WriteElementString("Message", XmlChars.Escape(error.Message));
            xml.WriteElementString("Resource", XmlChars.Escape(resource));
            xml.WriteElementString("RequestId", requestId);
            xml.WriteElementString("TraceId", traceId);
            foreach (var (name, value) in error.Extra)
            {
                xml.WriteElementString(name, XmlChars.Escape(value));
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }
}
