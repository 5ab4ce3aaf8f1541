using System.Text;

namespace Cos.Generated.Signing;

/// <summary>
/// <c>SignKey = hex(HMAC-SHA1(SecretKey, KeyTime))</c>, kept as the ready HMAC key that signs every
/// StringToSign of its key time. It depends only on the secret key and the key time, so the last one
/// used is cached: an immutable instance swapped by reference, safe to share between threads.
/// </summary>
internal sealed class CosSignKey
{
    private static CosSignKey? s_lastUsed;

    private readonly string _secretKey;

    private CosSignKey(string secretKey, CosKeyTime keyTime)
    {
        _secretKey = secretKey;
        KeyTime = keyTime;

        Span<byte> keyTimeText = stackalloc byte[CosKeyTime.MaxFormattedLength];
        var keyTimeLength = keyTime.FormatUtf8(keyTimeText);
        var secret = Encoding.UTF8.GetBytes(secretKey);
        Span<byte> mac = stackalloc byte[Sha1.HashSize];
        new HmacSha1Key(secret).ComputeMac(keyTimeText[..keyTimeLength], mac);
        Array.Clear(secret);

        Span<byte> hex = stackalloc byte[2 * Sha1.HashSize];
        Hex.WriteLower(mac, hex);
        Hmac = new HmacSha1Key(hex);

        var prefix = new byte[5 + keyTimeLength + 1];
        "sha1\n"u8.CopyTo(prefix);
        keyTimeText[..keyTimeLength].CopyTo(prefix.AsSpan(5));
        prefix[^1] = (byte)'\n';
        _stringToSignPrefix = prefix;
    }

    private readonly byte[] _stringToSignPrefix;

    /// <summary><c>sha1\n{KeyTime}\n</c>, the constant start of every StringToSign of this key time.</summary>
    public ReadOnlySpan<byte> StringToSignPrefix => _stringToSignPrefix;

    /// <summary>The key time as ASCII <c>start;end</c>.</summary>
    public ReadOnlySpan<byte> KeyTimeText => _stringToSignPrefix.AsSpan(5, _stringToSignPrefix.Length - 6);

    public CosKeyTime KeyTime { get; }

    /// <summary>The HMAC keyed with the hex SignKey, which signs the StringToSign.</summary>
    public HmacSha1Key Hmac { get; }

    /// <summary>The sign key for these inputs: the cached one when they match the last call.</summary>
    public static CosSignKey Get(string secretKey, CosKeyTime keyTime)
    {
        var last = Volatile.Read(ref s_lastUsed);
        if (last is not null && last.KeyTime == keyTime && string.Equals(last._secretKey, secretKey, StringComparison.Ordinal))
        {
            return last;
        }

        var created = new CosSignKey(secretKey, keyTime);
        Volatile.Write(ref s_lastUsed, created);
        return created;
    }

    /// <summary>The hex SignKey itself (for explanations; the fast path never materializes it).</summary>
    public static string ComputeHex(string secretKey, CosKeyTime keyTime)
    {
        Span<byte> keyTimeText = stackalloc byte[CosKeyTime.MaxFormattedLength];
        var keyTimeLength = keyTime.FormatUtf8(keyTimeText);
        Span<byte> mac = stackalloc byte[Sha1.HashSize];
        var secret = Encoding.UTF8.GetBytes(secretKey);
        new HmacSha1Key(secret).ComputeMac(keyTimeText[..keyTimeLength], mac);
        Array.Clear(secret);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"CosSignKey({KeyTime})";
}
