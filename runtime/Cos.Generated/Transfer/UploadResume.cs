namespace Cos.Generated.Transfer;

/// <summary>A multipart upload to continue, and the parts the server already holds.</summary>
internal sealed record UploadResumeState(string UploadId, IReadOnlyList<PartSummary> Parts);

/// <summary>
/// Finds an interrupted multipart upload of the same file to continue: the one in the local checkpoint if it
/// still exists and still matches (same file size, modification time, part size and target), else the newest
/// upload ListMultipartUploads shows for exactly this key whose parts fit the plan (numbers within the part
/// count, sizes as planned). The parts' contents are checked later, against the MD5 of each local part as it
/// is read, so a part that differs is sent again.
/// </summary>
internal static class UploadResume
{
    public static async Task<UploadResumeState?> FindAsync(CosClient client, string bucket, string key, string? region, StorageClass? storageClass, long size, long partSize, UploadCheckpoint identity, string checkpointPath, bool listUploads, CancellationToken cancellationToken)
    {
        string? superseded = null;
        if (UploadCheckpointStore.TryLoad(checkpointPath) is { } checkpoint)
        {
            // An upload initiated with other ACL, tags, encryption or headers would give the object those: not resumed,
            // and not found again by the listing below either.
            if (checkpoint.SettingsDiffer(identity))
            {
                superseded = checkpoint.UploadId;
            }

            if (checkpoint.Matches(identity) && !string.IsNullOrEmpty(checkpoint.UploadId)
                && await TryListPartsAsync(client, bucket, key, region, checkpoint.UploadId, cancellationToken).ConfigureAwait(false) is { } parts
                && Fits(parts, size, partSize))
            {
                identity.UploadId = checkpoint.UploadId;
                identity.Created = checkpoint.Created;
                return new UploadResumeState(checkpoint.UploadId, parts);
            }

            UploadCheckpointStore.TryDelete(checkpointPath);
        }

        if (!listUploads)
        {
            return null; // An SSE-C upload resumes from its checkpoint only: a listing cannot tell which key an upload has.
        }

        var candidates = new List<MultipartUpload>();
        await foreach (var upload in client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = bucket, Region = region, Prefix = key }, cancellationToken).ConfigureAwait(false))
        {
            // The same key exactly (the listing is by prefix) and, when one is asked for, the same storage class.
            if (upload.Key == key && !string.IsNullOrEmpty(upload.UploadId) && upload.UploadId != superseded && (storageClass is null || upload.StorageClass == storageClass))
            {
                candidates.Add(upload);
            }
        }

        foreach (var upload in candidates.OrderByDescending(u => u.Initiated ?? DateTimeOffset.MinValue))
        {
            // An upload with no parts yet counts too (its Initiate answer may have been lost): resuming it leaves no orphan.
            if (await TryListPartsAsync(client, bucket, key, region, upload.UploadId!, cancellationToken).ConfigureAwait(false) is { } parts
                && Fits(parts, size, partSize))
            {
                identity.UploadId = upload.UploadId!;
                identity.Created = upload.Initiated ?? client.Options.TimeProvider.GetUtcNow();
                UploadCheckpointStore.Save(checkpointPath, identity);
                return new UploadResumeState(upload.UploadId!, parts);
            }
        }

        return null;
    }

    /// <summary>True when every listed part has a number and size the plan for <paramref name="size"/> bytes in <paramref name="partSize"/> parts agrees with.</summary>
    internal static bool Fits(IReadOnlyList<PartSummary> parts, long size, long partSize)
    {
        var count = UploadPartPlanner.PartCount(size, partSize);
        foreach (var part in parts)
        {
            if (part.PartNumber is not { } number || number < 1 || number > count || part.Size is not { } partBytes || string.IsNullOrEmpty(part.ETag))
            {
                return false;
            }

            var expected = number < count ? partSize : size - (partSize * (count - 1));
            if (partBytes != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<List<PartSummary>?> TryListPartsAsync(CosClient client, string bucket, string key, string? region, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            var parts = new List<PartSummary>();
            await foreach (var part in client.EnumeratePartsAsync(new ListPartsRequest { Bucket = bucket, Key = key, Region = region, UploadId = uploadId }, cancellationToken).ConfigureAwait(false))
            {
                parts.Add(part);
            }

            return parts;
        }
        catch (CosException ex) when (ex.StatusCode == 404)
        {
            return null; // NoSuchUpload: completed or aborted since.
        }
    }
}
