using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Cli.Transfers;
using Cos.Generated;

namespace Cos.Cli.Commands;

/// <summary>
/// <c>cos rb cos://bucket-appid [--force]</c>: removes a bucket. COS refuses one that still holds objects; <c>--force</c>
/// first deletes every object version and delete marker and aborts every unfinished multipart upload.
/// </summary>
internal static class RbCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid" };
        var force = new Option<bool>("--force") { Description = "Delete everything in the bucket first (all versions, unfinished uploads)." };
        var command = new Command("rb", "Remove a bucket.") { target, force };
        return command.WithRun(async context =>
        {
            var uri = CosUri.Parse(context.Get(target));
            if (uri.Key.Length > 0)
            {
                throw CliException.Usage($"{uri} names a key: rb takes cos://bucket-appid.");
            }

            if (context.Get(force))
            {
                var emptied = await EmptyAsync(context, uri.Bucket).ConfigureAwait(false);
                if (emptied != ExitCodes.Success)
                {
                    return emptied;
                }
            }

            try
            {
                await context.Client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = uri.Bucket }, context.Cancel).ConfigureAwait(false);
            }
            catch (CosException e) when (e.ErrorCode == "BucketNotEmpty")
            {
                throw new CliException(ExitCodes.Failed, $"cos://{uri.Bucket} is not empty: delete its objects first, or add --force to delete everything in it.");
            }

            context.Output.Line($"remove_bucket: cos://{uri.Bucket}");
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("removed", uri.Bucket);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        });
    }

    private static async Task<int> EmptyAsync(CommandContext context, string bucket)
    {
        var client = context.Client;
        var batch = new TransferBatch(context);
        var keys = new List<ObjectIdentifier>();
        await foreach (var page in client.ListObjectVersionsPagesAsync(new ListObjectVersionsRequest { Bucket = bucket }, context.Cancel).ConfigureAwait(false))
        {
            keys.AddRange(page.Versions.Select(v => new ObjectIdentifier { Key = v.Key!, VersionId = v.VersionId }));
            keys.AddRange(page.DeleteMarkers.Select(m => new ObjectIdentifier { Key = m.Key!, VersionId = m.VersionId }));
        }

        // Reported in text only: with --output json the document of rb is its result.
        await RmCommand.DeleteAsync(context, batch, bucket, keys).ConfigureAwait(false);
        await foreach (var upload in client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = bucket }, context.Cancel).ConfigureAwait(false))
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = bucket, Key = upload.Key!, UploadId = upload.UploadId! }, context.Cancel).ConfigureAwait(false);
            context.Output.Line($"abort_upload: cos://{bucket}/{upload.Key} ({upload.UploadId})");
        }

        return batch.HasFailures ? ExitCodes.Failed : ExitCodes.Success;
    }
}
