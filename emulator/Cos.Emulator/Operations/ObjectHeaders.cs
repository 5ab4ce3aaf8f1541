using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Operations;

/// <summary>Reads the stored headers of an object from a request and writes them to a response.</summary>
internal static class ObjectHeaders
{
    private static readonly HashSet<string> StorageClasses = new(StringComparer.Ordinal)
    {
        "STANDARD", "STANDARD_IA", "ARCHIVE", "DEEP_ARCHIVE", "INTELLIGENT_TIERING", "MAZ_STANDARD", "MAZ_STANDARD_IA", "MAZ_INTELLIGENT_TIERING",
    };

    public const string MetaPrefix = "x-cos-meta-";

    public static ObjectProperties FromRequest(HttpRequest request, string? defaultStorageClass = "STANDARD")
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > MetaPrefix.Length)
            {
                metadata[name[MetaPrefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return new ObjectProperties
        {
            ContentType = Value(request, "Content-Type"),
            CacheControl = Value(request, "Cache-Control"),
            ContentDisposition = Value(request, "Content-Disposition"),
            ContentEncoding = Value(request, "Content-Encoding"),
            ContentLanguage = Value(request, "Content-Language"),
            Expires = Value(request, "Expires"),
            StorageClass = StorageClass(request) ?? defaultStorageClass ?? "STANDARD",
            Metadata = metadata,
        };
    }

    /// <summary>The requested <c>x-cos-storage-class</c>, upper-cased and checked; null when absent.</summary>
    public static string? StorageClass(HttpRequest request)
    {
        var value = Value(request, "x-cos-storage-class");
        if (value is null)
        {
            return null;
        }

        var upper = value.ToUpperInvariant();
        return StorageClasses.Contains(upper) ? upper : throw CosErrors.InvalidArgument($"x-cos-storage-class '{value}' is not a COS storage class.");
    }

    /// <summary>Writes the object's headers; <c>response-*</c> query parameters override the content headers.</summary>
    public static void Write(OperationContext context, ObjectRecord record)
    {
        var headers = context.Response.Headers;
        var p = record.Properties;
        headers.ContentType = Override(context, "response-content-type") ?? p.ContentType ?? "application/octet-stream";
        Set(headers, "Cache-Control", Override(context, "response-cache-control") ?? p.CacheControl);
        Set(headers, "Content-Disposition", Override(context, "response-content-disposition") ?? p.ContentDisposition);
        Set(headers, "Content-Encoding", Override(context, "response-content-encoding") ?? p.ContentEncoding);
        Set(headers, "Content-Language", Override(context, "response-content-language") ?? p.ContentLanguage);
        Set(headers, "Expires", Override(context, "response-expires") ?? p.Expires);
        WriteValidators(context, record);
        headers["Accept-Ranges"] = "bytes";
        headers["x-cos-hash-crc64ecma"] = Generated.Integrity.CosCrc64.Format(record.Crc64);
        headers["x-cos-object-type"] = record.ETag.Contains('-') ? "multipart" : "normal";
        if (p.StorageClass != "STANDARD")
        {
            headers["x-cos-storage-class"] = p.StorageClass;
        }

        foreach (var (name, value) in p.Metadata)
        {
            headers[MetaPrefix + name] = value;
        }
    }

    public static void WriteValidators(OperationContext context, ObjectRecord record)
    {
        context.Response.Headers.ETag = record.ETag;
        context.Response.Headers.LastModified = Xml.Http(record.LastModified);
    }

    /// <summary>A <c>response-*</c> parameter's value; one an HTTP header cannot carry (a control character) is 400 InvalidArgument.</summary>
    private static string? Override(OperationContext context, string name)
    {
        if (context.Route.Get(name) is not { Length: > 0 } value)
        {
            return null;
        }

        return value.Any(c => (c < 0x20 && c != '\t') || c == 0x7F)
            ? throw CosErrors.InvalidArgument($"{name} contains a control character, which no HTTP header can carry.")
            : value;
    }

    private static void Set(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = value;
        }
    }

    private static string? Value(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;
}
