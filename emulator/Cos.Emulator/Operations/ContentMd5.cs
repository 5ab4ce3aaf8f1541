using Cos.Emulator.Errors;

namespace Cos.Emulator.Operations;

/// <summary>The <c>Content-MD5</c> header: base64 of 16 bytes.</summary>
internal static class ContentMd5
{
    /// <summary>The decoded digest, null when the header is absent; throws InvalidDigest when it is not a base64 MD5.</summary>
    public static byte[]? Parse(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var buffer = new byte[24];
        if (!Convert.TryFromBase64String(header.Trim(), buffer, out var written) || written != 16)
        {
            throw CosErrors.InvalidDigest("The Content-MD5 you specified is not valid.");
        }

        return buffer[..16];
    }
}
