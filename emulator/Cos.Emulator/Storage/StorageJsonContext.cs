using System.Text.Json.Serialization;

namespace Cos.Emulator.Storage;

/// <summary>An open upload as written to its sidecar (parts as a list).</summary>
internal sealed record UploadFile
{
    public required UploadRecord Upload { get; init; }

    public required List<PartRecord> Parts { get; init; }
}

/// <summary>An object sidecar: the bucket it belongs to and the key's versions, newest first (each with its key).</summary>
internal sealed record ObjectFile
{
    public required string Bucket { get; init; }

    /// <summary>Null in a sidecar of the earlier form (the source-generated reader leaves a missing member null).</summary>
    public List<ObjectRecord>? Versions { get; init; }

    /// <summary>The one record a sidecar held before objects had versions; read so an older data directory still loads.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ObjectRecord? Object { get; init; }

    /// <summary>The versions, from either form.</summary>
    [JsonIgnore]
    public IReadOnlyList<ObjectRecord> AllVersions => Versions is { Count: > 0 } versions ? versions : Object is { } single ? [single] : [];
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(BucketRecord))]
[JsonSerializable(typeof(ObjectFile))]
[JsonSerializable(typeof(UploadFile))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
