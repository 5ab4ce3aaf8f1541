using System.Text.RegularExpressions;
using Cos.Emulator.Errors;
using Cos.Emulator.Routing;

namespace Cos.Emulator.Operations;

/// <summary>
/// The parsed <c>x-cos-copy-source</c>: <c>{bucket}.cos.{region}.{suffix}/{url-encoded key}[?versionId={id}]</c> (a
/// scheme is tolerated), or path-style <c>/{bucket}/{key}</c>.
/// </summary>
internal sealed partial record CopySource(string Bucket, string Key)
{
    /// <summary>The source version; null for the current one.</summary>
    public string? VersionId { get; private init; }

    public static CopySource Parse(string header)
    {
        var value = header.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        string? versionId = null;
        var question = value.IndexOf('?');
        if (question >= 0)
        {
            foreach (var pair in value[(question + 1)..].Split('&'))
            {
                if (pair.StartsWith("versionId=", StringComparison.Ordinal))
                {
                    versionId = CosRouter.Decode(pair["versionId=".Length..]);
                }
            }

            value = value[..question];
        }

        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            throw Invalid(header);
        }

        var host = value[..slash].ToLowerInvariant();
        var rest = value[(slash + 1)..];
        var match = VirtualHost().Match(host);
        if (match.Success)
        {
            return Build(match.Groups["bucket"].Value, rest, header) with { VersionId = versionId };
        }

        if (host.Length == 0 || host.StartsWith("cos.", StringComparison.Ordinal))
        {
            var next = rest.IndexOf('/');
            if (next > 0)
            {
                return Build(rest[..next], rest[(next + 1)..], header) with { VersionId = versionId };
            }
        }

        throw Invalid(header);
    }

    private static CopySource Build(string bucket, string rawKey, string header)
    {
        var key = CosRouter.Decode(rawKey);
        return key.Length == 0 ? throw Invalid(header) : new CopySource(bucket, key);
    }

    private static CosErrorException Invalid(string header) =>
        new(400, "InvalidArgument", $"x-cos-copy-source '{header}' is not of the form {{bucket}}.cos.{{region}}.myqcloud.com/{{key}}.");

    [GeneratedRegex("^(?<bucket>[^.]+)\\.cos(?:v6|-cdc|-internal)?\\.(?<region>[a-z0-9-]+)\\.[a-z0-9.-]+$")]
    private static partial Regex VirtualHost();
}

/// <summary>Reads at most a given number of bytes from a stream.</summary>
internal sealed class LimitedStream(Stream inner, long length) : Stream
{
    private readonly long _length = length;
    private long _remaining = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _length - _remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        _remaining -= n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        _remaining -= n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
