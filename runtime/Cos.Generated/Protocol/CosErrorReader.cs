using System.Xml;

namespace Cos.Generated.Protocol;

/// <summary>Turns a COS <c>&lt;Error&gt;</c> document into a <see cref="CosException"/>.</summary>
internal static class CosErrorReader
{
    /// <summary>Reads the error from a reader positioned on the <c>&lt;Error&gt;</c> element.</summary>
    public static CosException Read(int statusCode, string? requestId, XmlReader reader)
    {
        string? code = null, message = null, resource = null, bodyRequestId = null, traceId = null;
        if (CosXml.EnterElement(reader))
        {
            while (CosXml.NextChild(reader))
            {
                switch (reader.LocalName)
                {
                    case "Code": code = CosXml.ReadText(reader); break;
                    case "Message": message = CosXml.ReadText(reader); break;
                    case "Resource": resource = CosXml.ReadText(reader); break;
                    case "RequestId": bodyRequestId = CosXml.ReadText(reader); break;
                    case "TraceId": traceId = CosXml.ReadText(reader); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new CosException(statusCode, code, message, requestId ?? bodyRequestId, traceId, resource);
    }

    /// <summary>
    /// Builds the exception for a non-2xx response from its (possibly empty or non-XML) body, or, when it has none (a
    /// HEAD), from the <c>x-cos-error-code</c> header COS sends with it. Never throws: an unreadable body still yields the
    /// status, reason and request id.
    /// </summary>
    public static CosException FromResponse(int statusCode, string? reasonPhrase, string? requestId, string? traceId, ReadOnlyMemory<byte> body, string? errorCodeHeader = null)
    {
        if (!body.IsEmpty)
        {
            try
            {
                using var reader = CosXml.CreateReader(body);
                if (reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "Error")
                {
                    var error = Read(statusCode, requestId, reader);
                    return error.TraceId is null && traceId is not null
                        ? new CosException(statusCode, error.ErrorCode, error.ErrorMessage, error.RequestId, traceId, error.Resource)
                        : error;
                }
            }
            catch (XmlException)
            {
                // Not an XML error body (a proxy's HTML page, a truncated body): fall through.
            }
        }

        if (!string.IsNullOrEmpty(errorCodeHeader))
        {
            return new CosException(statusCode, errorCodeHeader, reasonPhrase, requestId, traceId);
        }

        return new CosException(statusCode, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), reasonPhrase, requestId, traceId);
    }
}
