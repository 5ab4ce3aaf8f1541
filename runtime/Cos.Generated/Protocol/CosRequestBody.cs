using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Cos.Generated.Protocol;

/// <summary>The body of a <see cref="CosHttpRequest"/>; creates new content for every try.</summary>
public abstract class CosRequestBody
{
    private protected CosRequestBody()
    {
    }

    /// <summary>The length in bytes, or null when unknown (sent chunked).</summary>
    public abstract long? Length { get; }

    /// <summary>True when the body can be sent again on a retry.</summary>
    public abstract bool CanReplay { get; }

    /// <summary>Creates the content for one try; <paramref name="attempt"/> is 0 for the first.</summary>
    internal abstract HttpContent CreateContent(int attempt);

    /// <summary>
    /// Streams <paramref name="stream"/> as the body without copying it into memory. The stream is
    /// not disposed. With no <paramref name="length"/> a seekable stream sends what remains of it and
    /// any other stream is sent chunked.
    /// </summary>
    public static CosRequestBody FromStream(Stream stream, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The body stream is not readable.", nameof(stream));
        }

        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The content length cannot be negative.");
        }

        return new StreamBody(stream, length ?? (stream.CanSeek ? stream.Length - stream.Position : null));
    }

    /// <summary>A body held in memory (small XML or JSON documents).</summary>
    public static CosRequestBody FromBytes(ReadOnlyMemory<byte> bytes) => new BytesBody(bytes);

    /// <summary>
    /// Writes an XML document with <paramref name="write"/> (no declaration, UTF-8) and returns it
    /// with the base64 MD5 that COS expects in <c>Content-MD5</c>.
    /// </summary>
    public static (CosRequestBody Body, string ContentMd5) FromXml<TState>(TState state, Action<XmlWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, XmlWriterSettings))
        {
            write(writer, state);
        }

        var bytes = buffer.ToArray();
        return (new BytesBody(bytes), Convert.ToBase64String(MD5.HashData(bytes)));
    }

    /// <summary>
    /// Writes a JSON document with <paramref name="write"/> (UTF-8, compact) and returns it with the base64 MD5 that COS
    /// expects in <c>Content-MD5</c>.
    /// </summary>
    public static (CosRequestBody Body, string ContentMd5) FromJson<TState>(TState state, Action<System.Text.Json.Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer, state);
        }

        var bytes = buffer.WrittenSpan.ToArray();
        return (new BytesBody(bytes), Convert.ToBase64String(MD5.HashData(bytes)));
    }

    private static readonly XmlWriterSettings XmlWriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,

        // Values are written as given: a CR (a Select CSV delimiter \r\n) becomes &#xD;, which a parser keeps, rather
        // than being turned into the platform's newline.
        NewLineHandling = NewLineHandling.Entitize,
    };

    private sealed class BytesBody(ReadOnlyMemory<byte> bytes) : CosRequestBody
    {
        public override long? Length => bytes.Length;

        public override bool CanReplay => true;

        internal override HttpContent CreateContent(int attempt) => new ReadOnlyMemoryContent(bytes);
    }

    private sealed class StreamBody(Stream stream, long? length) : CosRequestBody
    {
        private readonly long _start = stream.CanSeek ? stream.Position : 0;

        public override long? Length => length;

        public override bool CanReplay => stream.CanSeek;

        internal override HttpContent CreateContent(int attempt)
        {
            if (attempt > 0)
            {
                if (!stream.CanSeek)
                {
                    throw new InvalidOperationException("A non-seekable body cannot be sent twice.");
                }

                stream.Position = _start;
            }

            return new CallerStreamContent(stream, length);
        }
    }

    /// <summary>
    /// Copies the caller's stream to the socket; never disposes it, checks the declared length. A memory stream's bytes
    /// are written straight from its buffer; other streams go through a pooled buffer of up to 1 MiB (smaller writes
    /// cost more CPU per GiB).
    /// </summary>
    private sealed class CallerStreamContent(Stream stream, long? length) : HttpContent
    {
        private const int BufferSize = 1024 * 1024;

        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) =>
            SerializeToStreamAsync(target, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken)
        {
            if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
            {
                await WriteMemoryAsync(memory, segment, target, cancellationToken).ConfigureAwait(false);
                return;
            }

            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(length ?? BufferSize, 1, BufferSize));
            try
            {
                long sent = 0;
                while (length is null || sent < length)
                {
                    var want = length is { } total ? (int)Math.Min(buffer.Length, total - sent) : buffer.Length;
                    var read = await stream.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        EndedEarly(sent);
                        break;
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    sent += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long result)
        {
            result = length ?? 0;
            return length is not null;
        }

        private async Task WriteMemoryAsync(MemoryStream memory, ArraySegment<byte> segment, Stream target, CancellationToken cancellationToken)
        {
            var start = (int)memory.Position;
            var available = segment.Count - start;
            var total = (int)Math.Min(length ?? available, available);
            var bytes = segment.AsMemory(start, total);
            while (!bytes.IsEmpty)
            {
                var slice = bytes[..Math.Min(BufferSize, bytes.Length)];
                await target.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
                bytes = bytes[slice.Length..];
            }

            memory.Position = start + total;
            if (length is { } expected && total < expected)
            {
                EndedEarly(total);
            }
        }

        private void EndedEarly(long sent)
        {
            if (length is { } expected)
            {
                throw new IOException($"The body stream ended after {sent} of the {expected} bytes declared as its length.");
            }
        }
    }
}
