using System.Text;
using System.Xml;

namespace Cos.Emulator.Operations;

/// <summary>
/// A response as the generated wire classes (<c>{Operation}Wire.WriteResponse</c>) write it: status, headers, and an XML
/// document or a payload stream, which <see cref="CosRequestHandler"/> then sends.
/// </summary>
internal sealed class WireResponse
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Async = false, CheckCharacters = true };

    public int Status { get; set; } = 200;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The XML document, once written.</summary>
    public byte[]? Xml { get; private set; }

    /// <summary>The payload to send (an object's content); its length is the Content-Length header when one is set.</summary>
    public Stream? Body { get; set; }

    /// <summary>
    /// An event-stream payload (SelectObjectContent), written by the generated event writer after the status and headers
    /// are sent: its length is not known beforehand, and a failure part-way is an error message inside the 200.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? Events { get; set; }

    public void Header(string name, string value) => Headers.Add(new(name, value));

    public void WriteXml(string root, Action<XmlWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root);
            members(writer);
            writer.WriteEndElement();
        }

        Xml = stream.ToArray();
    }
}
