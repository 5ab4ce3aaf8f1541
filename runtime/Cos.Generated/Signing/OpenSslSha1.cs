using System.Runtime.InteropServices;

namespace Cos.Generated.Signing;

/// <summary>
/// The SHA-1 block function of the system's OpenSSL 3 (<c>SHA1_Transform</c>), which uses the CPU's SHA
/// instructions where it has them: ~37 ns per block here against ~77 ns for <see cref="Sha1"/>'s managed
/// rounds, through a function pointer with no GC transition (the call is short and never blocks).
/// The platform's <c>SHA1.HashData</c> goes through EVP and costs ~600 ns per call, hence this.
/// Optional: without libcrypto.so.3 (Windows, macOS, a minimal container), or if its answer for a known
/// input is wrong, <see cref="IsAvailable"/> is false and the managed rounds run.
/// </summary>
internal static unsafe class OpenSslSha1
{
    /// <summary>Set this AppContext switch to true to always use the managed rounds.</summary>
    public const string DisableSwitch = "Cos.Generated.Signing.DisableNativeSha1";

    // SHA_CTX is { h0..h4, Nl, Nh, data[16], num }: 24 words. The block function reads and writes h0..h4 only.
    private const int ContextWords = 24;

    private static readonly delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Transform = Load();

    public static bool IsAvailable => Transform != null;

    /// <summary>Absorbs whole 64-byte blocks into <paramref name="state"/>.</summary>
    public static void Compress(ref Sha1State state, ReadOnlySpan<byte> blocks)
    {
        var context = stackalloc uint[ContextWords];
        context[0] = state.H0;
        context[1] = state.H1;
        context[2] = state.H2;
        context[3] = state.H3;
        context[4] = state.H4;
        fixed (byte* data = blocks)
        {
            for (var offset = 0; offset + Sha1.BlockSize <= blocks.Length; offset += Sha1.BlockSize)
            {
                Transform(context, data + offset);
            }
        }

        state = new Sha1State(context[0], context[1], context[2], context[3], context[4]);
    }

    private static delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Load()
    {
        if ((AppContext.TryGetSwitch(DisableSwitch, out var disabled) && disabled)
            || !OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("libcrypto.so.3", typeof(OpenSslSha1).Assembly, null, out var library)
            || !NativeLibrary.TryGetExport(library, "SHA1_Transform", out var export))
        {
            return null;
        }

        var transform = (delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void>)export;
        return AnswersKnownBlock(transform) ? transform : null;
    }

    /// <summary>Checks the function on the padded block of "abc" (FIPS 180-2 appendix A.1).</summary>
    private static bool AnswersKnownBlock(delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> transform)
    {
        var context = stackalloc uint[ContextWords];
        var initial = Sha1.InitialState;
        (context[0], context[1], context[2], context[3], context[4]) = (initial.H0, initial.H1, initial.H2, initial.H3, initial.H4);
        var block = stackalloc byte[Sha1.BlockSize];
        new Span<byte>(block, Sha1.BlockSize).Clear();
        (block[0], block[1], block[2], block[3], block[63]) = ((byte)'a', (byte)'b', (byte)'c', 0x80, 24);
        transform(context, block);
        return context[0] == 0xA9993E36 && context[1] == 0x4706816A && context[2] == 0xBA3E2571 && context[3] == 0x7850C26C && context[4] == 0x9CD0D89D;
    }
}
