using System.Text;
using System.Xml;
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
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            xml.WriteElementString("Resource", resource);
            xml.WriteElementString("RequestId", requestId);
            xml.WriteElementString("TraceId", traceId);
            foreach (var (name, value) in error.Extra)
            {
                xml.WriteElementString(name, Sanitize(value));
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>XML 1.0 cannot carry most control characters; the StringToSign's newlines are kept.</summary>
    private static string Sanitize(string value) =>
        string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = c is '\n' or '\t' || (c >= 0x20 && !char.IsSurrogate(c)) || char.IsSurrogate(c) ? c : '?';
            }
        });
}
