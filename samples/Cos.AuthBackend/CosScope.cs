using System.Text.Json.Serialization;

namespace Cos.AuthBackend;

/// <summary>
/// One entry of the <c>Scope</c> cos-js-sdk-v5 passes to <c>getAuthorization</c> (and the page posts to <c>POST /sts</c>):
/// <c>{"action":"name/cos:PutObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"uploads/a.txt"}</c>.
/// <c>prefix</c> is the object key, or a listing's prefix.
/// </summary>
public sealed class CosScope
{
    /// <summary>The CAM action, <c>name/cos:{Operation}</c>.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The bucket, <c>name-appid</c>.</summary>
    [JsonPropertyName("bucket")]
    public string? Bucket { get; init; }

    /// <summary>The bucket's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The object key, or the listing prefix of GetBucket / ListMultipartUploads.</summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; init; }
}
