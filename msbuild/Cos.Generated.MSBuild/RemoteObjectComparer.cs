using System.Security.Cryptography;
using Cos.Generated.Integrity;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Decides whether a file's object is already in COS: HEAD the key, then compare the size and the CRC-64 COS
/// reports (x-cos-hash-crc64ecma), or, without one, the ETag with the file's MD5 when the ETag is a plain MD5
/// (not a multipart <c>"…-N"</c> ETag). The file is read only when the sizes agree.
/// </summary>
internal static class RemoteObjectComparer
{
    public static async Task<RemoteComparison> CompareAsync(CosClient client, string bucket, PlannedUpload upload, CancellationToken cancellationToken)
    {
        HeadObjectResponse head;
        try
        {
            head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = bucket, Key = upload.Key }, cancellationToken).ConfigureAwait(false);
        }
        catch (CosException ex) when (ex.StatusCode == 404)
        {
            return new RemoteComparison(RemoteState.Missing);
        }
        catch (CosException ex)
        {
            return new RemoteComparison(RemoteState.Unknown, Problem: ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException)
        {
            return new RemoteComparison(RemoteState.Unknown, Problem: ex.Message);
        }

        var etag = head.ETag;
        var remoteCrc = head.Crc64;
        if (head.ContentLength != upload.Size)
        {
            return new RemoteComparison(RemoteState.Changed, etag, remoteCrc);
        }

        if (remoteCrc is { } crc)
        {
            var local = await ComputeCrc64Async(upload.FilePath, cancellationToken).ConfigureAwait(false);
            return new RemoteComparison(local == crc ? RemoteState.Unchanged : RemoteState.Changed, etag, remoteCrc);
        }

        var md5 = PlainMd5(etag);
        if (md5 is not null)
        {
            var local = await ComputeMd5HexAsync(upload.FilePath, cancellationToken).ConfigureAwait(false);
            return new RemoteComparison(string.Equals(local, md5, StringComparison.OrdinalIgnoreCase) ? RemoteState.Unchanged : RemoteState.Changed, etag, remoteCrc);
        }

        // Same size but nothing to compare the content with: upload to be sure.
        return new RemoteComparison(RemoteState.Changed, etag, remoteCrc);
    }

    /// <summary>The MD5 hex of a single-PUT ETag (<c>"32 hex digits"</c>); null for a multipart or other ETag.</summary>
    internal static string? PlainMd5(string? etag)
    {
        var value = etag?.Trim('"');
        return value is { Length: 32 } && value.All(Uri.IsHexDigit) ? value : null;
    }

    internal static async Task<ulong> ComputeCrc64Async(string path, CancellationToken cancellationToken)
    {
        var crc = CosCrc64.Create();
        await using var stream = OpenRead(path);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            crc.Append(buffer.AsSpan(0, read));
        }

        return crc.GetCurrentHashAsUInt64();
    }

    private static async Task<string> ComputeMd5HexAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
