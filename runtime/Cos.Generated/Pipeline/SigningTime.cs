using Cos.Generated.Credentials;
using Cos.Generated.Signing;

namespace Cos.Generated.Pipeline;

/// <summary>Chooses the key time (<c>q-sign-time</c>/<c>q-key-time</c>) of a signature.</summary>
internal static class SigningTime
{
    /// <summary>
    /// For requests: the temporary credentials' <c>StartTime;ExpiredTime</c> when given (as the JS SDK
    /// does), <c>StartTime;StartTime+expires</c> with only a start, else <c>now-1;now-1+expires</c>.
    /// </summary>
    public static CosKeyTime ForRequest(CosCredentials credentials, DateTimeOffset now, TimeSpan expires)
    {
        if (credentials.StartTime is null && credentials.ExpiredTime is null)
        {
            return CosKeyTime.FromNow(now, expires);
        }

        var fromNow = CosKeyTime.FromNow(now, expires);
        var start = credentials.StartTime?.ToUnixTimeSeconds() ?? fromNow.Start;
        var end = credentials.ExpiredTime?.ToUnixTimeSeconds() ?? start + (long)Math.Ceiling(expires.TotalSeconds);
        return new CosKeyTime(start, end);
    }

    /// <summary>
    /// For presigned URLs: valid from now for <paramref name="expires"/>, but never past the
    /// temporary credentials' <c>ExpiredTime</c>.
    /// </summary>
    public static CosKeyTime ForUrl(CosCredentials credentials, DateTimeOffset now, TimeSpan expires)
    {
        var keyTime = CosKeyTime.FromNow(now, expires);
        if (credentials.ExpiredTime is { } expired && expired.ToUnixTimeSeconds() < keyTime.End)
        {
            keyTime = keyTime with { End = Math.Max(keyTime.Start + 1, expired.ToUnixTimeSeconds()) };
        }

        return keyTime;
    }
}
