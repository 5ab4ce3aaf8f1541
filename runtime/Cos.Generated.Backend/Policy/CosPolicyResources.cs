using System.Text.RegularExpressions;

namespace Cos.Generated.Backend.Policy;

/// <summary>
/// Builds the CAM resource names of COS: <c>qcs::cos:{region}:uid/{appid}:{bucket}/{key}</c>, where the bucket is
/// <c>{name}-{appid}</c> and <c>*</c> matches any run of characters.
/// </summary>
public static partial class CosPolicyResources
{
    /// <summary>
    /// Every object whose key starts with <paramref name="keyPrefix"/>:
    /// <c>qcs::cos:{region}:uid/{appid}:{bucket}/{keyPrefix}*</c>. An empty prefix is the whole bucket.
    /// </summary>
    /// <exception cref="ArgumentException">The region or bucket is malformed, or the prefix starts with <c>/</c>.</exception>
    public static string KeyPrefix(string region, string bucket, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        if (keyPrefix.StartsWith('/'))
        {
            throw new ArgumentException($"The key prefix '{keyPrefix}' starts with '/': object keys do not, so it would match nothing.", nameof(keyPrefix));
        }

        return $"{BucketRoot(region, bucket)}{keyPrefix}*";
    }

    /// <summary>Exactly one object: <c>qcs::cos:{region}:uid/{appid}:{bucket}/{key}</c>.</summary>
    /// <exception cref="ArgumentException">The region, bucket or key is malformed.</exception>
    public static string Object(string region, string bucket, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/'))
        {
            throw new ArgumentException($"The key '{key}' starts with '/': pass it without the leading slash.", nameof(key));
        }

        return BucketRoot(region, bucket) + key;
    }

    /// <summary>The APPID of a bucket named <c>{name}-{appid}</c>.</summary>
    /// <exception cref="ArgumentException">The bucket name does not end with <c>-{appid}</c>.</exception>
    public static string AppIdOf(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        if (!BucketName().IsMatch(bucket))
        {
            throw new ArgumentException($"'{bucket}' is not a COS bucket name of the form name-appid (lower-case letters, digits and '-').", nameof(bucket));
        }

        return bucket[(bucket.LastIndexOf('-') + 1)..];
    }

    private static string BucketRoot(string region, string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (!RegionName().IsMatch(region))
        {
            throw new ArgumentException($"'{region}' is not a COS region such as ap-guangzhou.", nameof(region));
        }

        return $"qcs::cos:{region}:uid/{AppIdOf(bucket)}:{bucket}/";
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[0-9]+$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex RegionName();
}
