namespace Cos.Generated.Pipeline;

/// <summary>
/// The retries left to a whole transfer, shared by its parts. A part's own limit
/// (<see cref="CosClientOptions.ChunkRetryTimes"/>) counts only retries that made no progress, so a connection
/// that keeps breaking half-way through ranges still moves the transfer forward; this budget bounds the total.
/// </summary>
internal sealed class RetryBudget(int retries)
{
    private int _left = retries;

    /// <summary>Ten retries, plus two for each part.</summary>
    public static RetryBudget ForParts(int partCount) => new(10 + (2 * Math.Max(partCount, 0)));

    /// <summary>Retries still allowed.</summary>
    public int Left => Math.Max(Volatile.Read(ref _left), 0);

    /// <summary>Takes one retry; false when none is left.</summary>
    public bool TryTake() => Interlocked.Decrement(ref _left) >= 0;
}
