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

    public required List<ObjectRecord> Versions { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(BucketRecord))]
[JsonSerializable(typeof(ObjectFile))]
[JsonSerializable(typeof(UploadFile))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
