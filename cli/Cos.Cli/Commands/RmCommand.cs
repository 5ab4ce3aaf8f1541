using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Cli.Transfers;
using Cos.Generated;

namespace Cos.Cli.Commands;

/// <summary><c>cos rm cos://bucket/key</c>, or <c>cos rm -r cos://bucket/prefix</c>: deletes objects, a thousand per request.</summary>
internal static class RmCommand
{
    /// <summary>The most keys DeleteMultipleObjects takes at once.</summary>
    public const int BatchSize = 1000;

    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid/key, or a prefix with -r." };
        var recursive = CommonOptions.Recursive();
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var dryRun = CommonOptions.DryRun();
        var command = new Command("rm", "Delete an object, or every object under a prefix (-r).") { target, recursive, include, exclude, dryRun };
        return command.WithRun(async context =>
        {
            var uri = CosUri.Parse(context.Get(target));
            var batch = new TransferBatch(context);
            if (!context.Get(recursive))
            {
                if (uri.IsPrefix)
                {
                    throw CliException.Usage($"{uri} is a prefix: add -r to delete what is under it (cos rb removes a bucket).");
                }

                var item = new TransferItem("delete", uri.ToString(), null, 0, (_, cancel) =>
                    context.Client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = uri.Bucket, Key = uri.Key }, cancel));
                if (context.Get(dryRun))
                {
                    batch.Plan([item]);
                }
                else
                {
                    await batch.RunAsync([item], parallel: 1).ConfigureAwait(false);
                }

                return batch.Finish();
            }

            var objects = await RemoteTree.ListAsync(context.Client, uri, CommonOptions.Filter(context, include, exclude), context.Cancel).ConfigureAwait(false);
            var keys = objects.Select(o => new ObjectIdentifier { Key = o.Item.Key! }).ToList();
            if (context.Get(dryRun))
            {
                batch.Plan(keys.Select(k => Deleted(uri.Bucket, k.Key)));
            }
            else
            {
                await DeleteAsync(context, batch, uri.Bucket, keys).ConfigureAwait(false);
            }

            return batch.Finish();
        });
    }

    /// <summary>Deletes <paramref name="keys"/> with DeleteMultipleObjects, recording every key's outcome in <paramref name="batch"/>.</summary>
    public static async Task DeleteAsync(CommandContext context, TransferBatch batch, string bucket, IReadOnlyList<ObjectIdentifier> keys)
    {
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var response = await context.Client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest { Bucket = bucket, Objects = chunk, Quiet = true }, context.Cancel).ConfigureAwait(false);
            var errors = response.Errors.ToLookup(e => (e.Key, e.VersionId ?? string.Empty));
            foreach (var key in chunk)
            {
                var error = errors[(key.Key, key.VersionId ?? string.Empty)].FirstOrDefault();
                batch.Record(Deleted(bucket, key.Key, key.VersionId), error is null ? null : new CliException(ExitCodes.Failed, $"{error.Code}: {error.Message}"));
            }
        }
    }

    public static TransferItem Deleted(string bucket, string key, string? versionId = null) =>
        new("delete", $"cos://{bucket}/{key}" + (versionId is null ? string.Empty : $" (version {versionId})"), null, 0, static (_, _) => Task.CompletedTask);
}
