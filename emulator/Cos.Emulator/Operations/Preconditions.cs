using Cos.Emulator.Errors;
using Cos.Emulator.Storage;

namespace Cos.Emulator.Operations;

/// <summary>RFC 7232 conditional requests: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, in that order.</summary>
internal static class Preconditions
{
    public enum Outcome
    {
        Proceed,
        NotModified,
    }

    /// <summary>Evaluates the conditions; throws 412 PreconditionFailed, or returns NotModified (304) for reads.</summary>
    public static Outcome Evaluate(ObjectRecord record, string? ifMatch, string? ifNoneMatch, DateTimeOffset? ifModifiedSince, DateTimeOffset? ifUnmodifiedSince, bool isRead)
    {
        if (ifMatch is not null)
        {
            if (!Matches(record.ETag, ifMatch))
            {
                throw CosErrors.PreconditionFailed();
            }
        }
        else if (ifUnmodifiedSince is { } unmodifiedSince && record.LastModified > unmodifiedSince)
        {
            throw CosErrors.PreconditionFailed();
        }

        if (ifNoneMatch is not null)
        {
            if (Matches(record.ETag, ifNoneMatch))
            {
                return isRead ? Outcome.NotModified : throw CosErrors.PreconditionFailed();
            }
        }
        else if (ifModifiedSince is { } modifiedSince && record.LastModified <= modifiedSince)
        {
            return isRead ? Outcome.NotModified : throw CosErrors.PreconditionFailed();
        }

        return Outcome.Proceed;
    }

    private static bool Matches(string etag, string header)
    {
        var bare = etag.Trim('"');
        foreach (var candidate in header.Split(','))
        {
            var c = candidate.Trim();
            if (c == "*")
            {
                return true;
            }

            if (c.StartsWith("W/", StringComparison.Ordinal))
            {
                c = c[2..];
            }

            if (c.Trim('"') == bare)
            {
                return true;
            }
        }

        return false;
    }
}
