using System.Globalization;
using Cos.Emulator;
using Cos.Generated;
using Cos.Generated.Credentials;

namespace Cos.Chaos.Tests.Plans;

/// <summary>
/// The drawn options of the client under test. Every limit is short (stall timeouts of 1–2 s, per-try timeouts of
/// 2–3 s or the default infinite, millisecond retry delays, at most 4 tries a request and 3 a part) so a correct
/// client ends every run, success or failure, well within the watchdog; nested retries (a part's tries × the
/// pipeline's) stay under about 40 s at worst.
/// </summary>
internal sealed record ClientSettings
{
    public const long MiB = 1024 * 1024;

    /// <summary><see cref="CosClientOptions.ChunkSize"/>: parts of uploads (and of copies).</summary>
    public required long PartSize { get; init; }

    /// <summary><see cref="CosClientOptions.SliceSize"/>: above it uploads are multipart.</summary>
    public required long SliceSize { get; init; }

    /// <summary>Parts in flight (<see cref="CosClientOptions.ChunkParallelLimit"/>, and of copies and downloads).</summary>
    public required int Parallel { get; init; }

    public required int ChunkRetryTimes { get; init; }

    public required int MaxRetries { get; init; }

    public required TimeSpan StallTimeout { get; init; }

    /// <summary>The per-try timeout; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> is the client's default and must not hang either.</summary>
    public required TimeSpan Timeout { get; init; }

    public required TimeSpan RetryDelay { get; init; }

    public required CredentialMode Credentials { get; init; }

    public static ClientSettings Draw(Random random) => new()
    {
        PartSize = random.Next(5) == 0 ? 2 * MiB : MiB,
        SliceSize = random.Next(10) < 7 ? MiB : 4 * MiB,
        Parallel = random.Next(1, 5),
        ChunkRetryTimes = random.Next(1, 3),
        MaxRetries = random.Next(1, 4),
        StallTimeout = TimeSpan.FromMilliseconds(random.Next(2, 5) * 500),
        Timeout = random.Next(3) switch
        {
            0 => System.Threading.Timeout.InfiniteTimeSpan,
            1 => TimeSpan.FromSeconds(2),
            _ => TimeSpan.FromSeconds(3),
        },
        RetryDelay = TimeSpan.FromMilliseconds(random.Next(1, 11)),
        Credentials = random.Next(4) == 0 ? CredentialMode.Temporary : CredentialMode.Permanent,
    };

    /// <summary>Options of a client of <paramref name="emulator"/>; <paramref name="provider"/> signs when the keys are temporary.</summary>
    public CosClientOptions ToOptions(CosEmulator emulator, ICosCredentialProvider? provider)
    {
        var basis = emulator.CreateClientOptions();
        return new CosClientOptions
        {
            SecretId = provider is null ? basis.SecretId : null,
            SecretKey = provider is null ? basis.SecretKey : null,
            CredentialProvider = provider,
            Region = basis.Region,
            Protocol = basis.Protocol,
            ConnectTo = basis.ConnectTo,
            ChunkSize = PartSize,
            SliceSize = SliceSize,
            ChunkParallelLimit = Parallel,
            CopyChunkSize = PartSize,
            CopyChunkParallelLimit = Parallel,
            ChunkRetryTimes = ChunkRetryTimes,
            MaxRetries = MaxRetries,
            StallTimeout = StallTimeout,
            Timeout = Timeout,
            RetryDelay = RetryDelay,
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            ProgressInterval = TimeSpan.Zero,
        };
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"part {PartSize / MiB} MiB, slice {SliceSize / MiB} MiB, {Parallel} in flight, part retries {ChunkRetryTimes}, request retries {MaxRetries}, "
        + $"stall {StallTimeout.TotalSeconds:0.#} s, timeout {(Timeout == System.Threading.Timeout.InfiniteTimeSpan ? "infinite" : $"{Timeout.TotalSeconds:0} s")}, "
        + $"retry delay {RetryDelay.TotalMilliseconds:0} ms, {Credentials} keys");
}
