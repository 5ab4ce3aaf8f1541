using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// The emulator's operations, one partial handler per operation of the spec (declared by the generator's server role,
/// so an operation the spec gains without a handler here does not compile). Handlers take the client's own request
/// types, read by generated code, and return its response types, written by generated code. Stateless: the store and
/// the options come with each request's <see cref="OperationContext"/>.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    public static CosOperationHandlers Instance { get; } = new();

    private static readonly HashSet<string> StorageClasses = new(StringComparer.Ordinal)
    {
        "STANDARD", "STANDARD_IA", "ARCHIVE", "DEEP_ARCHIVE", "INTELLIGENT_TIERING", "MAZ_STANDARD", "MAZ_STANDARD_IA", "MAZ_INTELLIGENT_TIERING",
    };

    private static void RequireBucket(OperationContext context)
    {
        if (context.Store.GetBucket(context.Bucket) is null)
        {
            throw CosErrors.NoSuchBucket();
        }
    }

    /// <summary><c>x-cos-forbid-overwrite: true</c> refuses to replace an existing object.</summary>
    private static void ForbidOverwrite(OperationContext context, bool? forbid)
    {
        if (forbid == true && context.Store.GetObject(context.Bucket, context.Key) is not null)
        {
            throw new CosErrorException(409, "FileAlreadyExists", "The object already exists and x-cos-forbid-overwrite is true.");
        }
    }

    /// <summary>The owner of everything in the emulator, in COS's CAM form.</summary>
    private static Owner Owner(OperationContext context) => new()
    {
        ID = $"qcs::cam::uin/{context.Options.OwnerId}:uin/{context.Options.OwnerId}",
        DisplayName = context.Options.OwnerId,
    };

    /// <summary>The requested storage class, upper-cased and checked; null when absent.</summary>
    private static string? CheckStorageClass(StorageClass? value)
    {
        if (value is null)
        {
            return null;
        }

        var upper = value.Value.Value.ToUpperInvariant();
        return StorageClasses.Contains(upper) ? upper : throw CosErrors.InvalidArgument($"x-cos-storage-class '{value.Value.Value}' is not a COS storage class.");
    }

    /// <summary>The stored properties of a new object from the content headers of its request.</summary>
    private static ObjectProperties Properties(OperationContext context, string? contentType, string? cacheControl, string? contentDisposition, string? contentEncoding, string? expires, StorageClass? storageClass, IReadOnlyDictionary<string, string>? metadata) => new()
    {
        ContentType = NullIfEmpty(contentType),
        CacheControl = NullIfEmpty(cacheControl),
        ContentDisposition = NullIfEmpty(contentDisposition),
        ContentEncoding = NullIfEmpty(contentEncoding),

        // Not a member of the spec's uploads (COS does not document it), but stored and returned as COS does.
        ContentLanguage = NullIfEmpty(context.Header("Content-Language")),
        Expires = NullIfEmpty(expires),
        StorageClass = CheckStorageClass(storageClass) ?? "STANDARD",
        Metadata = metadata is null ? new(StringComparer.Ordinal) : new(metadata, StringComparer.Ordinal),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Only <c>url</c> is accepted.</summary>
    private static string? CheckEncodingType(EncodingType? value) => value?.Value switch
    {
        null or "" => null,
        "url" => "url",
        var other => throw CosErrors.InvalidArgument($"encoding-type '{other}' is not supported: use 'url'."),
    };

    /// <summary>A <c>response-*</c> override; one an HTTP header cannot carry (a control character) is 400 InvalidArgument.</summary>
    private static string? Override(string? value, string name) => value switch
    {
        null or "" => null,
        _ when value.Any(c => (c < 0x20 && c != '\t') || c == 0x7F) => throw CosErrors.InvalidArgument($"{name} contains a control character, which no HTTP header can carry."),
        _ => value,
    };

    /// <summary>A page size: default and maximum <paramref name="max"/>; larger values are capped, negative ones rejected.</summary>
    private static int PageSize(int? value, string name, int max) => value switch
    {
        null => max,
        < 0 => throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"{name} '{value}' is not a non-negative integer.")),
        _ => Math.Min(value.Value, max),
    };

    private static int CheckPartNumber(int partNumber) => partNumber is >= 1 and <= 10000
        ? partNumber
        : throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"partNumber '{partNumber}' must be an integer from 1 to 10000."));

    private static UploadRecord RequireUpload(OperationContext context, string uploadId)
    {
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        return upload is null || upload.Key != context.Key ? throw CosErrors.NoSuchUpload() : upload;
    }
}
