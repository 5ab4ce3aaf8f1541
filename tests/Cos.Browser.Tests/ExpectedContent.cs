using System.Text;

namespace Cos.Browser.Tests;

/// <summary>What the page uploads, regenerated independently of it (proof.js builds the same bytes).</summary>
public static class ExpectedContent
{
    /// <summary>2.5 MiB: three parts of a 1 MiB multipart upload.</summary>
    public const int LargeLength = 5 * 512 * 1024;

    public static string Base(string mode) => $"{ProofEnvironment.KeyPrefix}{mode}/";

    public static byte[] Text(string mode) => Encoding.UTF8.GetBytes($"hello from cos-js-sdk-v5 in Chromium, {mode} \u2713");

    public static byte[] Large()
    {
        var bytes = new byte[LargeLength];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 31) + ((i >>> 10) * 17));
        }

        return bytes;
    }
}
