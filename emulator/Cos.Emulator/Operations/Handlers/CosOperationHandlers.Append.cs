using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// POST Object append. The appended object is written as a new blob (the old content followed by the new bytes) and
/// then committed, so a crash leaves either the old object or the new one. Two appends racing at the same position
/// both pass the position check; the last commit wins (COS would refuse the second with 409).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial async Task<AppendObjectResponse> AppendObjectAsync(AppendObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (context.Header("Content-Length") is null)
        {
            throw new CosErrorException(411, "MissingContentLength", "POST Object append needs a Content-Length header.");
        }

        if (request.Position < 0)
        {
            throw CosErrors.InvalidArgument("The append position cannot be negative.");
        }

        var expectedMd5 = ContentMd5.Parse(request.ContentMd5);
        var opened = context.Store.OpenObject(context.Bucket, context.Key);
        var current = opened?.Record;
        using var old = opened?.Content;
        if (current is not null && !current.Appendable)
        {
            throw new CosErrorException(409, "ObjectNotAppendable", "The object was not created by append and cannot be appended to.");
        }

        var length = current?.Size ?? 0;
        if (request.Position != length)
        {
            throw new CosErrorException(409, "PositionNotEqualToLength", $"The position {request.Position} is not the object's length {length}.");
        }

        if (current is null && request.StorageClass?.Value is "INTELLIGENT_TIERING")
        {
            throw CosErrors.InvalidArgument("An appendable object cannot be INTELLIGENT_TIERING.");
        }

        using var appended = new HashingStream(request.Body);
        var blob = await context.Store.WriteBlobAsync(old is null ? appended : new ConcatenatedStream(old, appended), md5Required: true, context.Http.RequestAborted);
        if (expectedMd5 is not null && !CryptographicOperations.FixedTimeEquals(expectedMd5, appended.Md5()))
        {
            context.Store.DiscardBlob(blob.BlobId);
            throw CosErrors.BadDigest();
        }

        var record = new ObjectRecord
        {
            Key = context.Key,
            BlobId = blob.BlobId,
            Size = blob.Length,
            ETag = $"\"{Convert.ToHexStringLower(blob.Md5)}\"",
            Crc64 = blob.Crc64,
            LastModified = context.Now,
            Properties = current?.Properties
                ?? Properties(context, request.ContentType, request.CacheControl, request.ContentDisposition, request.ContentEncoding, request.Expires, request.StorageClass, request.Metadata),
            Appendable = true,
            Configurations = current?.Configurations ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        context.Store.CommitObject(context.Bucket, record);
        return new AppendObjectResponse { NextAppendPosition = record.Size, ETag = record.ETag, Crc64 = record.Crc64 };
    }

    /// <summary>A read-only pass-through that computes the MD5 of what was read.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] Md5() => _md5.GetHashAndReset();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _md5.AppendData(buffer[..n]);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _md5.AppendData(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _md5.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream of <paramref name="first"/> and then <paramref name="second"/>.</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : Stream
    {
        private bool _firstDone;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_firstDone && buffer.Length > 0)
            {
                var n = first.Read(buffer);
                if (n > 0)
                {
                    return n;
                }

                _firstDone = true;
            }

            return second.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_firstDone && buffer.Length > 0)
            {
                var n = await first.ReadAsync(buffer, cancellationToken);
                if (n > 0)
                {
                    return n;
                }

                _firstDone = true;
            }

            return await second.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
