using System.Net.Http.Headers;
using System.Xml;

namespace Cos.Generated.Protocol;

/// <summary>One successful response as the generated unmarshallers see it.</summary>
public sealed class CosResponseContext
{
    private readonly HttpResponseMessage _message;
    private readonly ReadOnlyMemory<byte> _body;
    private readonly Stream? _bodyStream;
    private bool _bodyTaken;

    internal CosResponseContext(HttpResponseMessage message, ReadOnlyMemory<byte> body, Stream? bodyStream = null)
    {
        _message = message;
        _body = body;
        _bodyStream = bodyStream;
        RequestId = GetHeader(CosHeaders.RequestId);
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => (int)_message.StatusCode;

    /// <summary>The <c>x-cos-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>True when the caller took the body stream; the pipeline then leaves the response open.</summary>
    internal bool BodyTaken => _bodyTaken;

    /// <summary>Returns a response or content header (joined with <c>,</c> if repeated), or null.</summary>
    public string? GetHeader(string name)
    {
        if (_message.Headers.NonValidated.TryGetValues(name, out var values)
            || _message.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return values.Count == 1 ? values.ToString() : string.Join(",", values);
        }

        return null;
    }

    /// <summary>Returns every header whose name starts with <paramref name="prefix"/>, keyed by the rest of the name.</summary>
    public IReadOnlyDictionary<string, string> GetPrefixHeaders(string prefix)
    {
        Dictionary<string, string>? result = null;
        Collect(_message.Headers.NonValidated);
        Collect(_message.Content.Headers.NonValidated);
        return result ?? EmptyHeaders;

        void Collect(HttpHeadersNonValidated headers)
        {
            foreach (var (name, values) in headers)
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    result ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    result[name[prefix.Length..]] = values.Count == 1 ? values.ToString() : string.Join(",", values);
                }
            }
        }
    }

    /// <summary>
    /// Opens the buffered body as XML positioned on its root element, which must be named
    /// <paramref name="rootName"/>. A root named <c>Error</c> throws <see cref="CosException"/>.
    /// </summary>
    public XmlReader OpenXml(string rootName)
    {
        var reader = CosXml.CreateReader(_body);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("The response body has no root element.");
            }

            if (reader.LocalName == "Error")
            {
                throw CosErrorReader.Read(StatusCode, RequestId, reader);
            }

            if (reader.LocalName != rootName)
            {
                throw new XmlException($"Expected the root element <{rootName}> but found <{reader.LocalName}>.");
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the buffered body as JSON, on its first token. A body that is an XML <c>&lt;Error&gt;</c> document (COS
    /// answers errors in XML whatever the operation's format) throws <see cref="CosException"/>.
    /// </summary>
    public System.Text.Json.Utf8JsonReader OpenJson()
    {
        var span = _body.Span.TrimStart(" \t\r\n"u8);
        if (!span.IsEmpty && span[0] == (byte)'<')
        {
            using var reader = OpenXml("Error");
        }

        var body = _body.Span;
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var json = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        if (!json.Read())
        {
            throw new System.Text.Json.JsonException("The response body has no JSON value.");
        }

        return json;
    }

    /// <summary>True when the buffered body is not empty.</summary>
    public bool HasBody => !_body.IsEmpty;

    /// <summary>
    /// Hands the response body to the caller as a stream read from the socket. Disposing the stream
    /// disposes the response. Only for operations sent with <see cref="CosHttpRequest.BufferResponse"/> false.
    /// </summary>
    public Stream TakeBody()
    {
        if (_bodyStream is null || _bodyTaken)
        {
            throw new InvalidOperationException("The response body is not available as a stream.");
        }

        _bodyTaken = true;
        return new CosResponseStream(_bodyStream, _message);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
