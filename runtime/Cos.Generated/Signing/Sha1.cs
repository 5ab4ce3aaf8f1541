using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cos.Generated.Signing;

/// <summary>
/// A managed SHA-1 (FIPS 180-4) for the short inputs of request signing. The platform implementation
/// (OpenSSL on Linux) costs ~600 ns per call whatever the length, several times the cost of the few
/// 64-byte blocks a signature needs; this one has no per-call overhead and lets HMAC resume from
/// precomputed ipad/opad states (<see cref="Sha1State"/>). Not a general-purpose hash: it is only used
/// for SHA-1 as the COS protocol mandates it.
/// </summary>
internal static class Sha1
{
    public const int BlockSize = 64;
    public const int HashSize = 20;

    /// <summary>The initial hash value H(0).</summary>
    public static Sha1State InitialState => new(0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0);

    /// <summary>One-shot hash of <paramref name="data"/> into <paramref name="destination"/> (20 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var state = InitialState;
        Finish(ref state, data, 0, destination);
    }

    /// <summary>
    /// Hashes the remaining <paramref name="data"/> after <paramref name="state"/> has already absorbed
    /// <paramref name="prefixLength"/> bytes (a multiple of 64), pads, and writes the digest.
    /// </summary>
    public static void Finish(ref Sha1State state, ReadOnlySpan<byte> data, long prefixLength, Span<byte> destination)
    {
        var fullBlocks = data.Length & ~(BlockSize - 1);
        Compress(ref state, data[..fullBlocks]);

        // Padding: 0x80, zeros, then the bit length big-endian, in one or two blocks.
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        var rest = data[fullBlocks..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)(prefixLength + data.Length) * 8);
        Compress(ref state, tail[..tailLength]);

        state.WriteBigEndian(destination);
    }

    /// <summary>Absorbs whole 64-byte blocks (a trailing partial block is ignored).</summary>
    /// <remarks>
    /// The 80 rounds are unrolled with the five working variables renamed instead of moved, and the
    /// message schedule kept in 16 locals (w[t] overwrites w[t - 16]). Each round is written as
    /// <c>e += w + K; e += f(b, c, d); e += rotl(a, 5); b = rotl(b, 30)</c> so that only the last
    /// addition depends on the previous round's result: this shortens the critical path compared with
    /// <c>rotl(a, 5) + f + e + K + w</c> (~115 ns per block instead of ~155 ns on a 2.6 GHz EPYC).
    /// </remarks>
    public static void Compress(ref Sha1State state, ReadOnlySpan<byte> blocks)
    {
        uint h0 = state.H0, h1 = state.H1, h2 = state.H2, h3 = state.H3, h4 = state.H4;
        while (blocks.Length >= BlockSize)
        {
            var w0 = BinaryPrimitives.ReadUInt32BigEndian(blocks[0..]);
            var w1 = BinaryPrimitives.ReadUInt32BigEndian(blocks[4..]);
            var w2 = BinaryPrimitives.ReadUInt32BigEndian(blocks[8..]);
            var w3 = BinaryPrimitives.ReadUInt32BigEndian(blocks[12..]);
            var w4 = BinaryPrimitives.ReadUInt32BigEndian(blocks[16..]);
            var w5 = BinaryPrimitives.ReadUInt32BigEndian(blocks[20..]);
            var w6 = BinaryPrimitives.ReadUInt32BigEndian(blocks[24..]);
            var w7 = BinaryPrimitives.ReadUInt32BigEndian(blocks[28..]);
            var w8 = BinaryPrimitives.ReadUInt32BigEndian(blocks[32..]);
            var w9 = BinaryPrimitives.ReadUInt32BigEndian(blocks[36..]);
            var w10 = BinaryPrimitives.ReadUInt32BigEndian(blocks[40..]);
            var w11 = BinaryPrimitives.ReadUInt32BigEndian(blocks[44..]);
            var w12 = BinaryPrimitives.ReadUInt32BigEndian(blocks[48..]);
            var w13 = BinaryPrimitives.ReadUInt32BigEndian(blocks[52..]);
            var w14 = BinaryPrimitives.ReadUInt32BigEndian(blocks[56..]);
            var w15 = BinaryPrimitives.ReadUInt32BigEndian(blocks[60..]);
            uint a = h0, b = h1, c = h2, d = h3, e = h4;

            e += w0 + 0x5A827999; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += w1 + 0x5A827999; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += w2 + 0x5A827999; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += w3 + 0x5A827999; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += w4 + 0x5A827999; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += w5 + 0x5A827999; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += w6 + 0x5A827999; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += w7 + 0x5A827999; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += w8 + 0x5A827999; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += w9 + 0x5A827999; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += w10 + 0x5A827999; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += w11 + 0x5A827999; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += w12 + 0x5A827999; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += w13 + 0x5A827999; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += w14 + 0x5A827999; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += w15 + 0x5A827999; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w0 = BitOperations.RotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            d += w0 + 0x5A827999; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w1 = BitOperations.RotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            c += w1 + 0x5A827999; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w2 = BitOperations.RotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            b += w2 + 0x5A827999; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w3 = BitOperations.RotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            a += w3 + 0x5A827999; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w4 = BitOperations.RotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            e += w4 + 0x6ED9EBA1; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w5 = BitOperations.RotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            d += w5 + 0x6ED9EBA1; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w6 = BitOperations.RotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            c += w6 + 0x6ED9EBA1; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w7 = BitOperations.RotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            b += w7 + 0x6ED9EBA1; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w8 = BitOperations.RotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            a += w8 + 0x6ED9EBA1; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w9 = BitOperations.RotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            e += w9 + 0x6ED9EBA1; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w10 = BitOperations.RotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            d += w10 + 0x6ED9EBA1; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w11 = BitOperations.RotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            c += w11 + 0x6ED9EBA1; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w12 = BitOperations.RotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            b += w12 + 0x6ED9EBA1; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w13 = BitOperations.RotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            a += w13 + 0x6ED9EBA1; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w14 = BitOperations.RotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            e += w14 + 0x6ED9EBA1; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w15 = BitOperations.RotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            d += w15 + 0x6ED9EBA1; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w0 = BitOperations.RotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            c += w0 + 0x6ED9EBA1; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w1 = BitOperations.RotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            b += w1 + 0x6ED9EBA1; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w2 = BitOperations.RotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            a += w2 + 0x6ED9EBA1; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w3 = BitOperations.RotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            e += w3 + 0x6ED9EBA1; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w4 = BitOperations.RotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            d += w4 + 0x6ED9EBA1; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w5 = BitOperations.RotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            c += w5 + 0x6ED9EBA1; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w6 = BitOperations.RotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            b += w6 + 0x6ED9EBA1; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w7 = BitOperations.RotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            a += w7 + 0x6ED9EBA1; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w8 = BitOperations.RotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            e += w8 + 0x8F1BBCDC; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w9 = BitOperations.RotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            d += w9 + 0x8F1BBCDC; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w10 = BitOperations.RotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            c += w10 + 0x8F1BBCDC; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w11 = BitOperations.RotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            b += w11 + 0x8F1BBCDC; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w12 = BitOperations.RotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            a += w12 + 0x8F1BBCDC; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w13 = BitOperations.RotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            e += w13 + 0x8F1BBCDC; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w14 = BitOperations.RotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            d += w14 + 0x8F1BBCDC; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w15 = BitOperations.RotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            c += w15 + 0x8F1BBCDC; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w0 = BitOperations.RotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            b += w0 + 0x8F1BBCDC; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w1 = BitOperations.RotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            a += w1 + 0x8F1BBCDC; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w2 = BitOperations.RotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            e += w2 + 0x8F1BBCDC; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w3 = BitOperations.RotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            d += w3 + 0x8F1BBCDC; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w4 = BitOperations.RotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            c += w4 + 0x8F1BBCDC; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w5 = BitOperations.RotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            b += w5 + 0x8F1BBCDC; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w6 = BitOperations.RotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            a += w6 + 0x8F1BBCDC; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w7 = BitOperations.RotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            e += w7 + 0x8F1BBCDC; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w8 = BitOperations.RotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            d += w8 + 0x8F1BBCDC; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w9 = BitOperations.RotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            c += w9 + 0x8F1BBCDC; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w10 = BitOperations.RotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            b += w10 + 0x8F1BBCDC; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w11 = BitOperations.RotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            a += w11 + 0x8F1BBCDC; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w12 = BitOperations.RotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            e += w12 + 0xCA62C1D6; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w13 = BitOperations.RotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            d += w13 + 0xCA62C1D6; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w14 = BitOperations.RotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            c += w14 + 0xCA62C1D6; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w15 = BitOperations.RotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            b += w15 + 0xCA62C1D6; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w0 = BitOperations.RotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            a += w0 + 0xCA62C1D6; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w1 = BitOperations.RotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            e += w1 + 0xCA62C1D6; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w2 = BitOperations.RotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            d += w2 + 0xCA62C1D6; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w3 = BitOperations.RotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            c += w3 + 0xCA62C1D6; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w4 = BitOperations.RotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            b += w4 + 0xCA62C1D6; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w5 = BitOperations.RotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            a += w5 + 0xCA62C1D6; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w6 = BitOperations.RotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            e += w6 + 0xCA62C1D6; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w7 = BitOperations.RotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            d += w7 + 0xCA62C1D6; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w8 = BitOperations.RotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            c += w8 + 0xCA62C1D6; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w9 = BitOperations.RotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            b += w9 + 0xCA62C1D6; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w10 = BitOperations.RotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            a += w10 + 0xCA62C1D6; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            w11 = BitOperations.RotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            e += w11 + 0xCA62C1D6; e += (b ^ c ^ d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            w12 = BitOperations.RotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            d += w12 + 0xCA62C1D6; d += (a ^ b ^ c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            w13 = BitOperations.RotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            c += w13 + 0xCA62C1D6; c += (e ^ a ^ b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            w14 = BitOperations.RotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            b += w14 + 0xCA62C1D6; b += (d ^ e ^ a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            w15 = BitOperations.RotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            a += w15 + 0xCA62C1D6; a += (c ^ d ^ e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
            blocks = blocks[BlockSize..];
        }

        state = new Sha1State(h0, h1, h2, h3, h4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Ch(uint x, uint y, uint z) => z ^ (x & (y ^ z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Maj(uint x, uint y, uint z) => (x & y) | (z & (x | y));
}

/// <summary>
/// The five chaining words of SHA-1 between blocks (e.g. an HMAC key's ipad/opad state). Not a record:
/// a state derived from a key must not print itself.
/// </summary>
internal readonly struct Sha1State(uint h0, uint h1, uint h2, uint h3, uint h4)
{
    public uint H0 { get; } = h0;

    public uint H1 { get; } = h1;

    public uint H2 { get; } = h2;

    public uint H3 { get; } = h3;

    public uint H4 { get; } = h4;

    public void WriteBigEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, H0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], H1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], H2);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], H3);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], H4);
    }
}
