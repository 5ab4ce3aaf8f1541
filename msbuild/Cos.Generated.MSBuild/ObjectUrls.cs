using System.Globalization;

namespace Cos.Generated.MSBuild;

/// <summary>The plain URL of each object (bucket endpoint or custom Domain) and, when asked for, a presigned GET URL.</summary>
internal sealed class ObjectUrls(CosClient client, string bucket, TimeSpan? presignExpiry, TimeProvider clock)
{
    /// <summary>The object's URL without a signature (readable as is only on public-read buckets).</summary>
    public string Plain(string key)
    {
        var signed = client.GetObjectUrl(bucket, key).OriginalString;
        var query = signed.IndexOf('?');
        return query < 0 ? signed : signed[..query];
    }

    /// <summary>A presigned GET URL and its expiry (ISO 8601 UTC), or nulls when no expiry was given.</summary>
    public (string? Url, string? Expires) Presigned(string key)
    {
        if (presignExpiry is not { } expiry)
        {
            return (null, null);
        }

        var expires = clock.GetUtcNow() + expiry;
        return (client.GetObjectUrl(bucket, key, expiry).OriginalString, expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }
}
