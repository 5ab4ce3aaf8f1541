using System.Security.Cryptography;
using System.Xml;
using Cos.Emulator.Errors;
using Cos.Emulator.Routing;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Operations;

/// <summary>
/// A request as the generated wire classes (<c>{Operation}Wire.ReadRequest</c>) read it: the route's bucket and key, the
/// query, the headers and the body. XML bodies are read whole (bounded) before parsing, and checked against a
/// Content-MD5 when one is sent.
/// </summary>
internal sealed class WireRequest(HttpRequest request, CosRoute route)
{
    /// <summary>The largest XML body read (COS caps configuration documents far below this).</summary>
    public const int MaxXmlBodyBytes = 4 * 1024 * 1024;

    private byte[]? _body;

    public string? Bucket => route.Bucket;

    public string Key => route.Key;

    /// <summary>The raw body stream, for operations whose payload is the object content.</summary>
    public Stream Body => request.Body;

    /// <summary>True when the buffered XML body has any bytes.</summary>
    public bool HasBody => _body is { Length: > 0 };

    /// <summary>The buffered body, for a handler that checks a digest of it.</summary>
    public ReadOnlySpan<byte> BufferedBody => _body;

    public string? Query(string name) => route.Get(name);

    public string? Header(string name) => request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    public IReadOnlyDictionary<string, string> PrefixHeaders(string prefix)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                values[name[prefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return values;
    }

    /// <summary>The error for a required part of the request that is missing.</summary>
    public Exception Missing(string what) => CosErrors.InvalidArgument($"The request needs {what}.");

    /// <summary>Reads the XML body (at most <see cref="MaxXmlBodyBytes"/>) and checks its Content-MD5 when one was sent.</summary>
    public async Task BufferBodyAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxXmlBodyBytes)
            {
                throw CosErrors.MalformedXml($"The XML body is larger than {MaxXmlBodyBytes / (1024 * 1024)} MiB.");
            }
        }

        _body = buffer.ToArray();
        if (ContentMd5.Parse(Header("Content-MD5")) is { } md5 && !CryptographicOperations.FixedTimeEquals(md5, MD5.HashData(_body)))
        {
            throw CosErrors.BadDigest();
        }
    }

    /// <summary>The namespace of the S3 API, which COS accepts on request documents from S3 SDKs (AWSSDK.S3 sends it).</summary>
    public const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>
    /// A reader on the root element of the buffered body, which must be <paramref name="root"/> in no namespace or in the
    /// S3 namespace, unprefixed; DTDs are refused. Malformed XML surfaces as <see cref="XmlException"/>, which the dispatcher answers as MalformedXML.
    /// </summary>
    public XmlReader OpenXml(string root)
    {
        // Whitespace is kept: a value can be nothing but whitespace (Select's RecordDelimiter "\n", a tab FieldDelimiter),
        // and the generated readers skip the whitespace between elements themselves (MoveToContent).
        var reader = XmlReader.Create(new MemoryStream(_body ?? []), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = false });
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != root || reader.Prefix.Length != 0 || reader.NamespaceURI is not ("" or S3Namespace))
        {
            reader.Dispose();
            throw CosErrors.MalformedXml($"The XML root must be <{root}> with no namespace (or the S3 namespace).");
        }

        return reader;
    }
}
