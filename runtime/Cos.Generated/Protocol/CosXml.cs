using System.Runtime.InteropServices;
using System.Xml;

namespace Cos.Generated.Protocol;

/// <summary>Safe XML reading for response bodies, and the small helpers the generated readers call.</summary>
public static class CosXml
{
    /// <summary>The most characters a response document may have (about 64 MiB of text).</summary>
    public const long MaxDocumentCharacters = 64L * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        // No DTDs: no entity expansion ("billion laughs"), no external fetches.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxDocumentCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Creates a reader over a buffered document with DTDs prohibited and a size cap.</summary>
    public static XmlReader CreateReader(ReadOnlyMemory<byte> body)
    {
        var stream = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        return XmlReader.Create(stream, Settings);
    }

    /// <summary>
    /// Advances to the next child element of the element being read. Returns false (having consumed
    /// the parent's end tag) when there are no more children.
    /// </summary>
    /// <remarks>Call <see cref="EnterElement"/> first; skip unknown children with <see cref="XmlReader.Skip"/>.</remarks>
    public static bool NextChild(XmlReader reader)
    {
        while (true)
        {
            switch (reader.MoveToContent())
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.ReadEndElement();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The XML document ended inside an element.");
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// Steps into the element the reader is on. Returns false for an empty element (<c>&lt;X/&gt;</c>),
    /// which is then consumed; otherwise continue with <see cref="NextChild"/>.
    /// </summary>
    public static bool EnterElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        reader.ReadStartElement();
        return true;
    }

    /// <summary>Reads a whole document whose root must be <paramref name="rootName"/> (an event's XML payload).</summary>
    public static T ReadDocument<T>(ReadOnlyMemory<byte> body, string rootName, Func<XmlReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var reader = CreateReader(body);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != rootName)
        {
            throw new XmlException($"Expected the root element <{rootName}>.");
        }

        return read(reader);
    }

    /// <summary>Reads the text of the current element and moves past it.</summary>
    public static string ReadText(XmlReader reader) => reader.ReadElementContentAsString();
}
