namespace Cos.Generated.Hosting;

/// <summary>
/// The mutable twin of <see cref="CosClientOptions"/> that configuration binds and <c>Action</c> overloads set: the same
/// property names (so the keys of a configuration section are <c>SecretId</c>, <c>Region</c>, <c>Protocol</c>,
/// <c>ConnectTo</c>, …), defaults and meaning. <see cref="ToOptions"/> makes the immutable options a client is built from.
/// The options that are objects (<see cref="CosClientOptions.CredentialProvider"/>,
/// <see cref="CosClientOptions.AuthorizationProvider"/>, <see cref="CosClientOptions.TimeProvider"/>) are not here: set them
/// with <c>services.ConfigureCosClientOptions</c>, which can take them from the container.
/// </summary>
public sealed class CosClientSettings
{
    private static readonly CosClientOptions Defaults = new();

    /// <inheritdoc cref="CosClientOptions.SecretId"/>
    public string? SecretId { get; set; }

    /// <inheritdoc cref="CosClientOptions.SecretKey"/>
    public string? SecretKey { get; set; }

    /// <inheritdoc cref="CosClientOptions.SecurityToken"/>
    public string? SecurityToken { get; set; }

    /// <inheritdoc cref="CosClientOptions.Region"/>
    public string? Region { get; set; }

    /// <inheritdoc cref="CosClientOptions.FileParallelLimit"/>
    public int FileParallelLimit { get; set; } = Defaults.FileParallelLimit;

    /// <inheritdoc cref="CosClientOptions.ChunkParallelLimit"/>
    public int ChunkParallelLimit { get; set; } = Defaults.ChunkParallelLimit;

    /// <inheritdoc cref="CosClientOptions.ChunkRetryTimes"/>
    public int ChunkRetryTimes { get; set; } = Defaults.ChunkRetryTimes;

    /// <inheritdoc cref="CosClientOptions.ChunkSize"/>
    public long ChunkSize { get; set; } = Defaults.ChunkSize;

    /// <inheritdoc cref="CosClientOptions.SliceSize"/>
    public long SliceSize { get; set; } = Defaults.SliceSize;

    /// <inheritdoc cref="CosClientOptions.CopyChunkParallelLimit"/>
    public int CopyChunkParallelLimit { get; set; } = Defaults.CopyChunkParallelLimit;

    /// <inheritdoc cref="CosClientOptions.CopyChunkSize"/>
    public long CopyChunkSize { get; set; } = Defaults.CopyChunkSize;

    /// <inheritdoc cref="CosClientOptions.CopySliceSize"/>
    public long CopySliceSize { get; set; } = Defaults.CopySliceSize;

    /// <inheritdoc cref="CosClientOptions.ProgressInterval"/>
    public TimeSpan ProgressInterval { get; set; } = Defaults.ProgressInterval;

    /// <inheritdoc cref="CosClientOptions.Protocol"/>
    public string Protocol { get; set; } = Defaults.Protocol;

    /// <inheritdoc cref="CosClientOptions.Domain"/>
    public string? Domain { get; set; }

    /// <inheritdoc cref="CosClientOptions.ServiceDomain"/>
    public string? ServiceDomain { get; set; }

    /// <inheritdoc cref="CosClientOptions.UploadQueueSize"/>
    public int UploadQueueSize { get; set; } = Defaults.UploadQueueSize;

    /// <inheritdoc cref="CosClientOptions.ForcePathStyle"/>
    public bool ForcePathStyle { get; set; }

    /// <inheritdoc cref="CosClientOptions.UploadCheckContentMd5"/>
    public bool UploadCheckContentMd5 { get; set; }

    /// <inheritdoc cref="CosClientOptions.UploadAddMetaMd5"/>
    public bool UploadAddMetaMd5 { get; set; }

    /// <inheritdoc cref="CosClientOptions.FollowRedirect"/>
    public bool FollowRedirect { get; set; }

    /// <inheritdoc cref="CosClientOptions.AutoSwitchHost"/>
    public bool AutoSwitchHost { get; set; } = Defaults.AutoSwitchHost;

    /// <inheritdoc cref="CosClientOptions.Timeout"/>
    public TimeSpan Timeout { get; set; } = Defaults.Timeout;

    /// <inheritdoc cref="CosClientOptions.StallTimeout"/>
    public TimeSpan StallTimeout { get; set; } = Defaults.StallTimeout;

    /// <inheritdoc cref="CosClientOptions.MinimumThroughput"/>
    public long MinimumThroughput { get; set; } = Defaults.MinimumThroughput;

    /// <inheritdoc cref="CosClientOptions.UseAccelerate"/>
    public bool UseAccelerate { get; set; }

    /// <inheritdoc cref="CosClientOptions.EnableTracker"/>
    public bool EnableTracker { get; set; }

    /// <inheritdoc cref="CosClientOptions.SignatureExpires"/>
    public TimeSpan SignatureExpires { get; set; } = Defaults.SignatureExpires;

    /// <inheritdoc cref="CosClientOptions.CorrectClockSkew"/>
    public bool CorrectClockSkew { get; set; } = Defaults.CorrectClockSkew;

    /// <inheritdoc cref="CosClientOptions.MaxRetries"/>
    public int MaxRetries { get; set; } = Defaults.MaxRetries;

    /// <inheritdoc cref="CosClientOptions.RetryDelay"/>
    public TimeSpan RetryDelay { get; set; } = Defaults.RetryDelay;

    /// <inheritdoc cref="CosClientOptions.MaxRetryDelay"/>
    public TimeSpan MaxRetryDelay { get; set; } = Defaults.MaxRetryDelay;

    /// <inheritdoc cref="CosClientOptions.ConnectTo"/>
    public string? ConnectTo { get; set; }

    /// <inheritdoc cref="CosClientOptions.UserAgent"/>
    public string? UserAgent { get; set; }

    /// <summary>The immutable options these settings describe (not validated; <see cref="CosClientOptions.Validate"/> does that).</summary>
    public CosClientOptions ToOptions() => new()
    {
        SecretId = SecretId,
        SecretKey = SecretKey,
        SecurityToken = SecurityToken,
        Region = Region,
        FileParallelLimit = FileParallelLimit,
        ChunkParallelLimit = ChunkParallelLimit,
        ChunkRetryTimes = ChunkRetryTimes,
        ChunkSize = ChunkSize,
        SliceSize = SliceSize,
        CopyChunkParallelLimit = CopyChunkParallelLimit,
        CopyChunkSize = CopyChunkSize,
        CopySliceSize = CopySliceSize,
        ProgressInterval = ProgressInterval,
        Protocol = Protocol,
        Domain = Domain,
        ServiceDomain = ServiceDomain,
        UploadQueueSize = UploadQueueSize,
        ForcePathStyle = ForcePathStyle,
        UploadCheckContentMd5 = UploadCheckContentMd5,
        UploadAddMetaMd5 = UploadAddMetaMd5,
        FollowRedirect = FollowRedirect,
        AutoSwitchHost = AutoSwitchHost,
        Timeout = Timeout,
        StallTimeout = StallTimeout,
        MinimumThroughput = MinimumThroughput,
        UseAccelerate = UseAccelerate,
        EnableTracker = EnableTracker,
        SignatureExpires = SignatureExpires,
        CorrectClockSkew = CorrectClockSkew,
        MaxRetries = MaxRetries,
        RetryDelay = RetryDelay,
        MaxRetryDelay = MaxRetryDelay,
        ConnectTo = ConnectTo,
        UserAgent = UserAgent,
    };
}
