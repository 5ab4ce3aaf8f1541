namespace Cos.Generated.Transfer;

/// <summary>
/// Sizes the parts of a multipart upload as the official SDKs do: the configured part size, or the first of
/// 1, 2, 4, …, 4096, 5120 MiB that keeps the upload within 10,000 parts, whichever is larger.
/// </summary>
internal static class UploadPartPlanner
{
    public const int MaxParts = 10_000;

    private const long MiB = 1024 * 1024;

    /// <summary>The largest object COS accepts: 10,000 parts of 5 GiB (48.8 TiB).</summary>
    public const long MaxObjectSize = MaxParts * CosClientOptions.MaxChunkSize;

    /// <summary>The part size for an object of <paramref name="size"/> bytes.</summary>
    /// <param name="size">The object's size.</param>
    /// <param name="chunkSize">The configured part size.</param>
    /// <param name="unit">The smallest part (1 MiB); parts grow to 5120 units. Tests scale it down.</param>
    /// <exception cref="ArgumentOutOfRangeException">The object is larger than COS allows.</exception>
    public static long PartSize(long size, long chunkSize, long unit = MiB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var maxPart = CosClientOptions.MaxChunkSize / MiB * unit;
        if (size > MaxParts * maxPart)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The object is {size} bytes; COS objects are at most {MaxObjectSize} bytes (10,000 parts of 5 GiB, 48.8 TiB).");
        }

        var auto = unit;
        while (auto < maxPart && DivideRoundUp(size, auto) > MaxParts)
        {
            auto = Math.Min(auto * 2, maxPart);
        }

        return Math.Max(Math.Max(chunkSize, unit), auto);
    }

    /// <summary>How many parts an object of <paramref name="size"/> bytes has with parts of <paramref name="partSize"/> (at least 1).</summary>
    public static int PartCount(long size, long partSize) => (int)Math.Max(1, DivideRoundUp(size, partSize));

    /// <summary>The largest part of a stream of unknown length: 2047 MiB, the most a .NET array buffers in whole MiB.</summary>
    public const long MaxUnknownLengthPartSize = 2047 * MiB;

    /// <summary>
    /// The size of part <paramref name="partNumber"/> of a stream of unknown length: the chunk size for the
    /// first 1,000 parts, doubling every 1,000 parts after (capped at <see cref="MaxUnknownLengthPartSize"/>, as
    /// these parts are buffered), so 10,000 parts of a 1 MiB start reach about 1,000 × 1,023 MiB.
    /// </summary>
    public static long UnknownLengthPartSize(int partNumber, long chunkSize)
    {
        var doublings = Math.Min((partNumber - 1) / 1000, 20);
        return Math.Min(chunkSize << doublings, MaxUnknownLengthPartSize);
    }

    private static long DivideRoundUp(long value, long divisor) => (value + divisor - 1) / divisor;
}
