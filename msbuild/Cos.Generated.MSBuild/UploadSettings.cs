namespace Cos.Generated.MSBuild;

/// <summary>The task's parameters read and checked once: object defaults, globs, presign expiry and client options.</summary>
internal sealed class UploadSettings
{
    private UploadSettings(CosUpload task) => Task = task;

    private CosUpload Task { get; }

    /// <summary>What is wrong with the parameters, in words for the COS002 error; null when they are fine.</summary>
    public string? Problem { get; private set; }

    public ObjectDefaults Defaults { get; private set; } = new();

    public IReadOnlyList<GlobPattern> Include { get; private set; } = [];

    public IReadOnlyList<GlobPattern> Exclude { get; private set; } = [];

    public TimeSpan? PresignExpiry { get; private set; }

    public static UploadSettings Read(CosUpload task)
    {
        var settings = new UploadSettings(task);
        settings.Problem = settings.Check();
        return settings;
    }

    /// <summary>The client's options; the client validates them again (protocol, region, ConnectTo) and throws <see cref="ArgumentException"/>.</summary>
    public CosClientOptions ClientOptions(UploadCredentials credentials)
    {
        var options = new CosClientOptions
        {
            SecretId = credentials.SecretId,
            SecretKey = credentials.SecretKey,
            SecurityToken = credentials.SecurityToken,
            Region = string.IsNullOrWhiteSpace(Task.Region) ? null : Task.Region.Trim(),
            Domain = string.IsNullOrWhiteSpace(Task.Domain) ? null : Task.Domain.Trim(),
            ConnectTo = string.IsNullOrWhiteSpace(Task.ConnectTo) ? null : Task.ConnectTo.Trim(),
            FileParallelLimit = Task.FileParallelLimit,
            ChunkParallelLimit = Task.ChunkParallelLimit,
            MaxRetries = Task.MaxRetries,
        };

        if (!string.IsNullOrWhiteSpace(Task.Protocol))
        {
            options = options with { Protocol = Task.Protocol.Trim() };
        }

        if (Task.SliceSize > 0)
        {
            options = options with { SliceSize = Task.SliceSize };
        }

        if (Task.ChunkSize > 0)
        {
            options = options with { ChunkSize = Task.ChunkSize };
        }

        options.Validate();
        return options;
    }

    private string? Check()
    {
        if (string.IsNullOrWhiteSpace(Task.Region) && string.IsNullOrWhiteSpace(Task.Domain))
        {
            return "CosUpload needs the bucket's Region (such as ap-guangzhou), or a Domain.";
        }

        if (Task.FileParallelLimit < 1 || Task.FileParallelLimit > CosClientOptions.MaxParallelLimit)
        {
            return $"FileParallelLimit must be between 1 and {CosClientOptions.MaxParallelLimit}; it is {Task.FileParallelLimit}.";
        }

        if (Task.PresignExpirySeconds < 0)
        {
            return $"PresignExpirySeconds must be positive (or 0 for no presigned URL); it is {Task.PresignExpirySeconds}.";
        }

        PresignExpiry = Task.PresignExpirySeconds > 0 ? TimeSpan.FromSeconds(Task.PresignExpirySeconds) : null;
        if (PresignExpiry is not null && string.IsNullOrWhiteSpace(Task.PresignedUrlsFile))
        {
            return "PresignExpirySeconds needs PresignedUrlsFile: presigned URLs are written to that file only, because MSBuild logs output item metadata in binlogs and detailed logs, and a presigned URL carries a signature and the security token.";
        }

        if (PresignExpiry is null && !string.IsNullOrWhiteSpace(Task.PresignedUrlsFile))
        {
            return "PresignedUrlsFile is set but PresignExpirySeconds is not: set how many seconds the presigned URLs should be valid.";
        }

        if (string.IsNullOrWhiteSpace(Task.SourceDirectory) && (!string.IsNullOrWhiteSpace(Task.Include) || !string.IsNullOrWhiteSpace(Task.Exclude)))
        {
            return "Include and Exclude select files under SourceDirectory, which is not set; filter Files items with MSBuild's own Include/Exclude instead.";
        }

        try
        {
            Include = GlobPattern.ParseList(Task.Include);
            Exclude = GlobPattern.ParseList(Task.Exclude);
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Task.Metadata ?? [])
        {
            var equals = entry.IndexOf('=');
            var name = equals > 0 ? entry[..equals].Trim() : string.Empty;
            if (name.Length == 0 || name.Any(static c => c <= ' ' || c >= 0x7F || c == ':'))
            {
                return $"Metadata entry '{entry}' is not name=value with a header-safe name (ASCII letters, digits, '-').";
            }

            metadata[name.ToLowerInvariant()] = entry[(equals + 1)..];
        }

        var acl = ObjectSettings.ParseAcl(Task.Acl, "Acl", out var problem);
        var tags = problem is null ? ObjectSettings.ParseTags(Task.Tags ?? [], null, "Tags", out problem) : null;
        var encryption = problem is null ? ObjectSettings.ParseEncryption(Task.ServerSideEncryption, Task.KmsKeyId, out problem) : null;
        var trafficLimit = problem is null ? ObjectSettings.ParseTrafficLimit(Task.TrafficLimit, out problem) : null;
        if (problem is not null)
        {
            return problem;
        }

        Defaults = new ObjectDefaults
        {
            Acl = acl,
            Tags = tags!,
            ServerSideEncryption = encryption,
            TrafficLimit = trafficLimit,
            ContentType = Blank(Task.ContentType),
            CacheControl = Blank(Task.CacheControl),
            ContentDisposition = Blank(Task.ContentDisposition),
            StorageClass = Blank(Task.StorageClass),
            Metadata = metadata,
        };
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
