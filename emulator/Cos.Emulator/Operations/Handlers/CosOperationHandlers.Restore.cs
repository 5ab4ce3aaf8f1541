using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// POST Object restore and the archive semantics around it: a GET of an ARCHIVE or DEEP_ARCHIVE object answers 403
/// InvalidObjectState unless a restored copy is readable; HEAD and GET carry <c>x-cos-restore</c>. The restore is kept
/// on the object's record as a configuration document (<c>restore</c>: when it is ready and when it expires), so a new
/// version of the object starts archived again. It takes <see cref="CosEmulatorOptions.RestoreDelay"/> (instant by default).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string RestoreName = "restore";

    private partial Task<PostObjectRestoreResponse> PostObjectRestoreAsync(PostObjectRestoreRequest request, OperationContext context)
    {
        RequireBucket(context);
        var record = context.Store.GetObject(context.Bucket, context.Key, request.VersionId) ?? throw CosErrors.NoSuchKey();
        if (record.IsDeleteMarker)
        {
            throw CosErrors.MethodNotAllowed("POST");
        }

        if (!IsArchived(record))
        {
            throw new CosErrorException(403, "InvalidObjectState", $"Only ARCHIVE and DEEP_ARCHIVE objects can be restored; this one is {record.Properties.StorageClass}.");
        }

        if (request.Days < 1)
        {
            throw CosErrors.InvalidArgument("Days must be at least 1.");
        }

        var tier = request.CASJobParameters?.Tier.Value;
        if (tier is not ("Expedited" or "Standard" or "Bulk") || (tier == "Expedited" && record.Properties.StorageClass == "DEEP_ARCHIVE"))
        {
            throw CosErrors.InvalidArgument($"The tier '{tier}' cannot restore a {record.Properties.StorageClass} object.");
        }

        if (RestoreState(record, context) is { Ongoing: true })
        {
            throw new CosErrorException(409, "RestoreAlreadyInProgress", "Object restore is already in progress.");
        }

        var ready = context.Now + context.Options.RestoreDelay;
        var expiry = ready.AddDays(request.Days);
        context.Store.PutConfiguration(context.Bucket, context.Key, RestoreName,
            ready.ToString("O", CultureInfo.InvariantCulture) + " " + expiry.ToString("O", CultureInfo.InvariantCulture), request.VersionId);
        return Task.FromResult(new PostObjectRestoreResponse());
    }

    private static bool IsArchived(ObjectRecord record) => record.Properties.StorageClass is "ARCHIVE" or "DEEP_ARCHIVE";

    /// <summary>The object's restore as the emulator's clock sees it; null when none was asked for or its copy expired.</summary>
    private static Restore? RestoreState(ObjectRecord record, OperationContext context)
    {
        if (!record.Configurations.TryGetValue(RestoreName, out var document))
        {
            return null;
        }

        var parts = document.Split(' ');
        var ready = DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var expiry = DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var now = context.Now;
        return now < ready ? new Restore(true, expiry) : now < expiry ? new Restore(false, expiry) : null;
    }

    /// <summary>A restore: running, or done with a copy readable until <paramref name="Expiry"/>.</summary>
    private sealed record Restore(bool Ongoing, DateTimeOffset Expiry)
    {
        /// <summary>The <c>x-cos-restore</c> header COS answers.</summary>
        public string Header => Ongoing
            ? "ongoing-request=\"true\""
            : $"ongoing-request=\"false\", expiry-date=\"{Expiry.ToString("r", CultureInfo.InvariantCulture)}\"";
    }
}
