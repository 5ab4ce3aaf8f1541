using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Cos.Generated.Signing;

/// <summary>
/// SHA-1 (FIPS 180-4) for the short inputs of request signing. The platform implementation
/// (OpenSSL's EVP on Linux) costs ~600 ns per call whatever the length, several times the cost of the few
/// 64-byte blocks a signature needs; this one has no per-call overhead and lets HMAC resume from
/// precomputed ipad/opad states (<see cref="Sha1State"/>). Blocks go to <see cref="OpenSslSha1"/> when it
/// is available, else to managed rounds. Not a general-purpose hash: it is only used
/// for SHA-1 as the COS protocol mandates it.
/// </summary>
internal static class Sha1
{
    public const int BlockSize = 64;
    public const int HashSize = 20;

    /// <summary>W[t] + K[t] for the 80 rounds of one block, on the stack.</summary>
    [InlineArray(80)]
    private struct Schedule
    {
        private uint _element0;
    }

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

    /// <summary>The most bytes padding adds: 0x80, up to 63 zeros, the 8-byte length.</summary>
    public const int MaxPadding = BlockSize + 8;

    /// <summary>
    /// Hashes <c>buffer[..length]</c> after <paramref name="prefixLength"/> bytes already absorbed by
    /// <paramref name="state"/>, padding in place: <paramref name="buffer"/> must have <see cref="MaxPadding"/>
    /// spare bytes after the message, which are overwritten. One pass over all blocks, no copy.
    /// </summary>
    public static void FinishInPlace(ref Sha1State state, Span<byte> buffer, int length, long prefixLength, Span<byte> destination)
    {
        var paddedLength = (length + 9 + BlockSize - 1) & ~(BlockSize - 1);
        buffer[length] = 0x80;
        buffer[(length + 1)..(paddedLength - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(buffer[(paddedLength - 8)..], (ulong)(prefixLength + length) * 8);
        Compress(ref state, buffer[..paddedLength]);
        state.WriteBigEndian(destination);
    }

    /// <summary>Absorbs whole 64-byte blocks (a trailing partial block is ignored): OpenSSL's block function where it can, else managed rounds.</summary>
    public static void Compress(ref Sha1State state, ReadOnlySpan<byte> blocks)
    {
        if (OpenSslSha1.IsAvailable)
        {
            OpenSslSha1.Compress(ref state, blocks);
        }
        else
        {
            CompressManaged(ref state, blocks);
        }
    }

    /// <summary>The managed rounds, used when <see cref="OpenSslSha1"/> is not available.</summary>
    /// <remarks>
    /// Two halves that run on different execution ports: the message schedule W[t] + K[t] is computed
    /// four words at a time with SIMD (<see cref="Expand"/>), and the 80 rounds are unrolled scalar code
    /// with the working variables renamed instead of moved. Each round is written
    /// <c>e += wk[t]; e += f(b, c, d); e += rotl(a, 5); b = rotl(b, 30)</c> so that only the last addition
    /// waits for the previous round. ~77 ns per block on a 2.6 GHz EPYC, against ~155 ns for the textbook loop.
    /// </remarks>
    internal static void CompressManaged(ref Sha1State state, ReadOnlySpan<byte> blocks)
    {
        Unsafe.SkipInit(out Schedule schedule);
        Span<uint> wk = schedule;
        uint h0 = state.H0, h1 = state.H1, h2 = state.H2, h3 = state.H3, h4 = state.H4;
        while (blocks.Length >= BlockSize)
        {
            Expand(blocks, wk);
            uint a = h0, b = h1, c = h2, d = h3, e = h4;

            e += wk[0]; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[1]; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[2]; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[3]; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[4]; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[5]; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[6]; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[7]; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[8]; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[9]; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[10]; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[11]; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[12]; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[13]; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[14]; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[15]; e += Ch(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[16]; d += Ch(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[17]; c += Ch(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[18]; b += Ch(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[19]; a += Ch(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[20]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[21]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[22]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[23]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[24]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[25]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[26]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[27]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[28]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[29]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[30]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[31]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[32]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[33]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[34]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[35]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[36]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[37]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[38]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[39]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[40]; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[41]; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[42]; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[43]; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[44]; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[45]; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[46]; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[47]; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[48]; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[49]; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[50]; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[51]; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[52]; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[53]; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[54]; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[55]; e += Maj(b, c, d); e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[56]; d += Maj(a, b, c); d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[57]; c += Maj(e, a, b); c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[58]; b += Maj(d, e, a); b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[59]; a += Maj(c, d, e); a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[60]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[61]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[62]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[63]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[64]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[65]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[66]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[67]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[68]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[69]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[70]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[71]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[72]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[73]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[74]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);
            e += wk[75]; e += b ^ c ^ d; e += BitOperations.RotateLeft(a, 5); b = BitOperations.RotateLeft(b, 30);
            d += wk[76]; d += a ^ b ^ c; d += BitOperations.RotateLeft(e, 5); a = BitOperations.RotateLeft(a, 30);
            c += wk[77]; c += e ^ a ^ b; c += BitOperations.RotateLeft(d, 5); e = BitOperations.RotateLeft(e, 30);
            b += wk[78]; b += d ^ e ^ a; b += BitOperations.RotateLeft(c, 5); d = BitOperations.RotateLeft(d, 30);
            a += wk[79]; a += c ^ d ^ e; a += BitOperations.RotateLeft(b, 5); c = BitOperations.RotateLeft(c, 30);

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
            blocks = blocks[BlockSize..];
        }

        state = new Sha1State(h0, h1, h2, h3, h4);
    }

    /// <summary>Writes W[t] + K[t] for t = 0..79 of the first block of <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Expand(ReadOnlySpan<byte> block, Span<uint> wk)
    {
        var w0 = LoadBigEndian(block, 0);
        var w1 = LoadBigEndian(block, 16);
        var w2 = LoadBigEndian(block, 32);
        var w3 = LoadBigEndian(block, 48);
        var k = Vector128.Create(0x5A827999u);
        Store(w0 + k, wk, 0);
        Store(w1 + k, wk, 4);
        Store(w2 + k, wk, 8);
        Store(w3 + k, wk, 12);
        // W[16..31]: W[t] = rotl1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]); lane 3 needs W[t] of lane 0, fixed up after.
        var w4 = Next16(w0, w1, w2, w3);
        Store(w4 + k, wk, 16);
        k = Vector128.Create(0x6ED9EBA1u);
        var w5 = Next16(w1, w2, w3, w4);
        Store(w5 + k, wk, 20);
        var w6 = Next16(w2, w3, w4, w5);
        Store(w6 + k, wk, 24);
        var w7 = Next16(w3, w4, w5, w6);
        Store(w7 + k, wk, 28);
        // W[32..79]: W[t] = rotl2(W[t-6] ^ W[t-16] ^ W[t-28] ^ W[t-32]), four lanes at once.
        var w8 = Next32(w0, w1, w4, w6, w7);
        Store(w8 + k, wk, 32);
        var w9 = Next32(w1, w2, w5, w7, w8);
        Store(w9 + k, wk, 36);
        k = Vector128.Create(0x8F1BBCDCu);
        var w10 = Next32(w2, w3, w6, w8, w9);
        Store(w10 + k, wk, 40);
        var w11 = Next32(w3, w4, w7, w9, w10);
        Store(w11 + k, wk, 44);
        var w12 = Next32(w4, w5, w8, w10, w11);
        Store(w12 + k, wk, 48);
        var w13 = Next32(w5, w6, w9, w11, w12);
        Store(w13 + k, wk, 52);
        var w14 = Next32(w6, w7, w10, w12, w13);
        Store(w14 + k, wk, 56);
        k = Vector128.Create(0xCA62C1D6u);
        var w15 = Next32(w7, w8, w11, w13, w14);
        Store(w15 + k, wk, 60);
        var w16 = Next32(w8, w9, w12, w14, w15);
        Store(w16 + k, wk, 64);
        var w17 = Next32(w9, w10, w13, w15, w16);
        Store(w17 + k, wk, 68);
        var w18 = Next32(w10, w11, w14, w16, w17);
        Store(w18 + k, wk, 72);
        var w19 = Next32(w11, w12, w15, w17, w18);
        Store(w19 + k, wk, 76);
    }

    /// <summary>W[t..t+3] for 16 &lt;= t &lt; 32 from the four previous vectors W[t-16..t-1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Next16(Vector128<uint> m16, Vector128<uint> m12, Vector128<uint> m8, Vector128<uint> m4)
    {
        // [W[t-3], W[t-2], W[t-1], 0] ^ W[t-8..t-5] ^ W[t-14..t-11] ^ W[t-16..t-13]
        var x = ShiftDownOneLane(m4) ^ m8 ^ Middle(m16, m12) ^ m16;
        var r = RotateLeft(x, 1);
        // Lane 3 lacked W[t] = r[0]: rotl1(a ^ b) = rotl1(a) ^ rotl1(b).
        return r ^ RotateLeft(Lane0ToLane3(r), 1);
    }

    /// <summary>W[t..t+3] for t &gt;= 32: rotl2(W[t-6..t-3] ^ W[t-16..t-13] ^ W[t-28..t-25] ^ W[t-32..t-29]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Next32(Vector128<uint> m32, Vector128<uint> m28, Vector128<uint> m16, Vector128<uint> m8, Vector128<uint> m4) =>
        RotateLeft(Middle(m8, m4) ^ m16 ^ m28 ^ m32, 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> LoadBigEndian(ReadOnlySpan<byte> block, int offset) =>
        Vector128.Shuffle(Vector128.Create(block.Slice(offset, 16)), Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector128<uint> value, Span<uint> destination, int offset) => value.CopyTo(destination.Slice(offset, 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> RotateLeft(Vector128<uint> x, int n) => (x << n) | (x >>> (32 - n));

    /// <summary>Lanes 2, 3 of <paramref name="older"/> then lanes 0, 1 of <paramref name="newer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Middle(Vector128<uint> older, Vector128<uint> newer) =>
        Ssse3.IsSupported
            ? Ssse3.AlignRight(newer.AsByte(), older.AsByte(), 8).AsUInt32()
            : Vector128.Create(older.AsUInt64().GetElement(1), newer.AsUInt64().GetElement(0)).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> ShiftDownOneLane(Vector128<uint> x) =>
        Sse2.IsSupported ? Sse2.ShiftRightLogical128BitLane(x, 4) : Vector128.Shuffle(x, Vector128.Create(1u, 2, 3, 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Lane0ToLane3(Vector128<uint> x) =>
        Sse2.IsSupported ? Sse2.ShiftLeftLogical128BitLane(x, 12) : Vector128.Shuffle(x, Vector128.Create(4u, 4, 4, 0));

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
