namespace Cos.Generated.Endpoints;

/// <summary>Checks bucket and region names before they become part of a host name.</summary>
internal static class CosNames
{
    /// <summary>True for <c>[a-z0-9-]+</c>.</summary>
    public static bool IsValidRegion(string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!IsLowerAlphanumeric(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for <c>name-appid</c>: lower-case letters, digits and <c>-</c>, ending in <c>-&lt;digits&gt;</c>.</summary>
    public static bool IsValidBucket(string? bucket)
    {
        if (string.IsNullOrEmpty(bucket))
        {
            return false;
        }

        var dash = bucket.LastIndexOf('-');
        if (dash <= 0 || dash == bucket.Length - 1)
        {
            return false;
        }

        for (var i = 0; i < bucket.Length; i++)
        {
            var c = bucket[i];
            var ok = i > dash ? char.IsAsciiDigit(c) : IsLowerAlphanumeric(c) || c == '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="region"/> is a valid region.</summary>
    public static void CheckRegion(string? region, string parameterName = "Region")
    {
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("No region: set Region on the request or CosClientOptions.Region.", parameterName);
        }

        if (!IsValidRegion(region))
        {
            throw new ArgumentException($"Region '{region}' is not a COS region: use lower-case letters, digits and '-' only, such as 'ap-guangzhou'.", parameterName);
        }
    }

    /// <summary>Throws unless <paramref name="bucket"/> is <c>name-appid</c>.</summary>
    public static void CheckBucket(string? bucket, string parameterName = "Bucket")
    {
        if (string.IsNullOrEmpty(bucket))
        {
            throw new ArgumentException("The bucket is required.", parameterName);
        }

        if (!IsValidBucket(bucket))
        {
            throw new ArgumentException(
                $"Bucket '{bucket}' is not a COS bucket name: it must be 'name-appid', lower-case letters, digits and '-', ending in '-' and the numeric AppId (such as 'examplebucket-1250000000').",
                parameterName);
        }
    }

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
