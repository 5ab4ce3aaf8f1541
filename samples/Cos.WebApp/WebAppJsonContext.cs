using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cos.WebApp;

/// <summary>One object of a listing.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ETag">Its entity tag (quoted, as COS sends it).</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record FileEntry(string Key, long Size, string? ETag, DateTimeOffset? LastModified);

/// <summary>The answer to an upload.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The bytes stored.</param>
/// <param name="ETag">The entity tag COS gave the object.</param>
/// <param name="Crc64">The CRC-64/ECMA-182 COS computed (the SDK checked it against the bytes sent).</param>
/// <param name="Multipart">Whether it went as a multipart upload (the request had no <c>Content-Length</c>).</param>
public sealed record UploadResult(string Key, long Size, string? ETag, string? Crc64, bool Multipart);

/// <summary>A presigned URL.</summary>
/// <param name="Url">The URL; anyone holding it may use it until <paramref name="Expires"/>.</param>
/// <param name="Method">The HTTP method it is signed for.</param>
/// <param name="Expires">When it stops working.</param>
public sealed record PresignedUrl(Uri Url, string Method, DateTimeOffset Expires);

/// <summary>An error answer.</summary>
/// <param name="Error">A short code: COS's error code (<c>NoSuchKey</c>) or the sample's own.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="RequestId">COS's request id, to quote to Tencent Cloud support.</param>
public sealed record ErrorResponse(string Error, string Message, string? RequestId = null);

/// <summary>Source-generated JSON for every type the endpoints read or write (no reflection: NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FileEntry))]
[JsonSerializable(typeof(IAsyncEnumerable<FileEntry>))]
[JsonSerializable(typeof(UploadResult))]
[JsonSerializable(typeof(PresignedUrl))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class WebAppJsonContext : JsonSerializerContext;
