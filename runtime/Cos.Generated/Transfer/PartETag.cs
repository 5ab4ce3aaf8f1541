using System.Security.Cryptography;

namespace Cos.Generated.Transfer;

/// <summary>Matching a part already on the server against local bytes: its ETag is the quoted hex MD5 of the part.</summary>
internal static class PartETag
{
    public static bool MatchesMd5(string etag, ReadOnlySpan<byte> data)
    {
        Span<byte> md5 = stackalloc byte[16];
        MD5.HashData(data, md5);
        return Matches(etag, md5);
    }

    /// <summary>True when <paramref name="etag"/> is the quoted hex of <paramref name="md5"/>.</summary>
    public static bool Matches(string etag, ReadOnlySpan<byte> md5)
    {
        var hex = etag.AsSpan().Trim('"');
        return hex.Length == 32 && hex.Equals(Convert.ToHexStringLower(md5), StringComparison.OrdinalIgnoreCase);
    }
}
