namespace Cos.Generated.Signing;

/// <summary>
/// An HMAC-SHA1 key (RFC 2104) reduced to the SHA-1 states after its ipad and opad blocks, so that each
/// MAC costs only the message blocks plus one outer block. Deliberately has no <c>ToString</c> of its state.
/// </summary>
internal readonly struct HmacSha1Key
{
    private readonly Sha1State _inner;
    private readonly Sha1State _outer;

    public HmacSha1Key(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[Sha1.BlockSize];
        block.Clear();
        if (key.Length > Sha1.BlockSize)
        {
            Sha1.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        for (var i = 0; i < block.Length; i++)
        {
            block[i] ^= 0x36;
        }

        _inner = Sha1.InitialState;
        Sha1.Compress(ref _inner, block);

        for (var i = 0; i < block.Length; i++)
        {
            block[i] ^= 0x36 ^ 0x5C;
        }

        _outer = Sha1.InitialState;
        Sha1.Compress(ref _outer, block);
        block.Clear();
    }

    /// <summary>
    /// As <see cref="ComputeMac"/> for the message <c>buffer[..length]</c>, padding it in place:
    /// <paramref name="buffer"/> needs <see cref="Sha1.MaxPadding"/> spare bytes after the message.
    /// </summary>
    public void ComputeMacInPlace(Span<byte> buffer, int length, Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[Sha1.BlockSize];
        var state = _inner;
        Sha1.FinishInPlace(ref state, buffer, length, Sha1.BlockSize, block);
        state = _outer;
        Sha1.FinishInPlace(ref state, block, Sha1.HashSize, Sha1.BlockSize, destination);
    }

    /// <summary>Writes HMAC-SHA1(key, <paramref name="message"/>) (20 bytes) to <paramref name="destination"/>.</summary>
    public void ComputeMac(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> innerHash = stackalloc byte[Sha1.HashSize];
        var state = _inner;
        Sha1.Finish(ref state, message, Sha1.BlockSize, innerHash);
        state = _outer;
        Sha1.Finish(ref state, innerHash, Sha1.BlockSize, destination);
    }
}
