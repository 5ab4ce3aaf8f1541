namespace Cos.Generated.Transfer;

/// <summary>
/// Progress of one transfer, as the JavaScript SDK's <c>onProgress</c> reports it: bytes done, total,
/// speed in bytes per second, and the fraction done (0 to 1, rounded down to 0.01; 1 when the total is 0).
/// </summary>
/// <param name="Loaded">Bytes transferred so far (parts already on the server count as transferred).</param>
/// <param name="Total">Bytes in the whole transfer; null when the length of a stream is not known.</param>
/// <param name="BytesPerSecond">Average speed since the transfer started.</param>
public readonly record struct CosTransferProgress(long Loaded, long? Total, double BytesPerSecond)
{
    /// <summary>The fraction done, rounded down to hundredths; 1 for an empty transfer, null when the total is unknown.</summary>
    public double? Percent => Total switch
    {
        null => null,
        0 => 1,
        { } total => Math.Floor((double)Loaded / total * 100) / 100,
    };
}
