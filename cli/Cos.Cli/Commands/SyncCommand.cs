using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Cli.Transfers;
using Cos.Generated;
using Cos.Generated.Integrity;
using Cos.Generated.MSBuild;
using Cos.Generated.Transfer;

namespace Cos.Cli.Commands;

/// <summary>
/// <c>cos sync SOURCE DESTINATION</c>: makes a prefix hold what a local directory holds, or the reverse. A file is sent
/// when the other side lacks it, its size differs, or (same size) its CRC-64 differs; with <c>--delete</c> what the
/// source lacks is deleted from the destination. <c>--dry-run</c> prints the plan.
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A local directory or cos://bucket-appid/prefix." };
        var destination = new Argument<string>("destination") { Description = "A cos://bucket-appid/prefix or a local directory (created when missing)." };
        var delete = new Option<bool>("--delete") { Description = "Also delete what the source does not have from the destination." };
        var sizeOnly = new Option<bool>("--size-only") { Description = "Compare sizes only, not CRC-64 (no HEAD per same-size object, no reading of local files)." };
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var dryRun = CommonOptions.DryRun();
        var parallel = CommonOptions.Parallel();
        var command = new Command("sync", "Make a cos:// prefix match a local directory, or a local directory match a prefix.")
        {
            source, destination, delete, sizeOnly, include, exclude, dryRun, parallel,
        };
        return command.WithRun(async context =>
        {
            var from = context.Get(source);
            var to = context.Get(destination);
            var options = new SyncOptions(context, CommonOptions.Filter(context, include, exclude), context.Get(delete), context.Get(sizeOnly), CommonOptions.ParallelOf(context, parallel));
            var (transfers, deletes) = (CosUri.IsCosUri(from), CosUri.IsCosUri(to)) switch
            {
                (false, true) => await PlanUploadAsync(options, from, CosUri.Parse(to)).ConfigureAwait(false),
                (true, false) => await PlanDownloadAsync(options, CosUri.Parse(from), to).ConfigureAwait(false),
                _ => throw CliException.Usage("sync needs a local directory and a cos:// prefix, one on each side."),
            };

            var batch = new TransferBatch(context);
            if (context.Get(dryRun))
            {
                batch.Plan([.. transfers, .. deletes.Select(d => d.Item)]);
                return batch.Finish();
            }

            await batch.RunAsync(transfers, options.Parallel).ConfigureAwait(false);
            var remoteDeletes = deletes.Where(d => d.Remote is not null).Select(d => d.Remote!).ToList();
            if (remoteDeletes.Count > 0)
            {
                await RmCommand.DeleteAsync(context, batch, CosUri.Parse(to).Bucket, remoteDeletes).ConfigureAwait(false);
            }

            await batch.RunAsync([.. deletes.Where(d => d.Remote is null).Select(d => d.Item)], options.Parallel).ConfigureAwait(false);
            if (transfers.Count == 0 && deletes.Count == 0)
            {
                context.Output.Warn("cos: already in sync.");
            }

            return batch.Finish();
        });
    }

    private sealed record SyncOptions(CommandContext Context, PathFilter Filter, bool Delete, bool SizeOnly, int Parallel);

    /// <summary>A delete of the plan: a key (done in batches) or a local file.</summary>
    private sealed record Deletion(TransferItem Item, ObjectIdentifier? Remote);

    private static async Task<(IReadOnlyList<TransferItem>, IReadOnlyList<Deletion>)> PlanUploadAsync(SyncOptions options, string local, CosUri prefix)
    {
        if (!Directory.Exists(local))
        {
            throw CliException.NotFound($"{local}: no such directory.");
        }

        var context = options.Context;
        var files = LocalTree.Files(local, options.Filter);
        var remote = (await RemoteTree.ListAsync(context.Client, prefix, options.Filter, context.Cancel).ConfigureAwait(false)).ToDictionary(o => o.Relative, o => o.Item, StringComparer.Ordinal);
        var pairs = files.Select(f => (f.Relative, Local: (FileInfo?)f.File, Remote: remote.GetValueOrDefault(f.Relative))).ToList();
        var changed = await ChangedAsync(options, prefix, pairs).ConfigureAwait(false);
        var transfers = pairs.Where(p => changed.Contains(p.Relative)).Select(p =>
        {
            var key = prefix.Append(p.Relative);
            var path = p.Local!.FullName;
            return new TransferItem("upload", Path.Join(local, p.Relative), key.ToString(), p.Local!.Length, (progress, cancel) =>
                context.Client.UploadFileAsync(key.Bucket, key.Key, path, new CosUploadOptions { ContentType = ContentTypes.ForPath(path) }, progress, cancel));
        }).ToList();

        var deletes = new List<Deletion>();
        if (options.Delete)
        {
            var present = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
            foreach (var (relative, item) in remote.Where(r => !present.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                deletes.Add(new Deletion(RmCommand.Deleted(prefix.Bucket, item.Key!), new ObjectIdentifier { Key = item.Key! }));
            }
        }

        return (transfers, deletes);
    }

    private static async Task<(IReadOnlyList<TransferItem>, IReadOnlyList<Deletion>)> PlanDownloadAsync(SyncOptions options, CosUri prefix, string local)
    {
        var context = options.Context;
        var objects = await RemoteTree.ListAsync(context.Client, prefix, options.Filter, context.Cancel).ConfigureAwait(false);
        var files = Directory.Exists(local) ? LocalTree.Files(local, options.Filter).ToDictionary(f => f.Relative, f => f.File, StringComparer.Ordinal) : [];
        var pairs = new List<(string Relative, FileInfo? Local, ObjectSummary? Remote)>();
        foreach (var (relative, item) in objects)
        {
            if (LocalTree.PathOf(local, relative) is null)
            {
                context.Output.Warn($"cos: skipped cos://{prefix.Bucket}/{item.Key}: the key is not a safe local path under {local}.");
                continue;
            }

            pairs.Add((relative, files.GetValueOrDefault(relative), item));
        }

        var changed = await ChangedAsync(options, prefix, pairs).ConfigureAwait(false);
        var transfers = pairs.Where(p => changed.Contains(p.Relative)).Select(p =>
        {
            var path = LocalTree.PathOf(local, p.Relative)!;
            var key = p.Remote!.Key!;
            return new TransferItem("download", $"cos://{prefix.Bucket}/{key}", Path.Join(local, p.Relative), p.Remote.Size ?? 0, async (progress, cancel) =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await context.Client.DownloadFileAsync(prefix.Bucket, key, path, null, progress, cancel).ConfigureAwait(false);
            });
        }).ToList();

        var deletes = new List<Deletion>();
        if (options.Delete)
        {
            var present = objects.Select(o => o.Relative).ToHashSet(StringComparer.Ordinal);
            foreach (var (relative, file) in files.Where(f => !present.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var path = file.FullName;
                deletes.Add(new Deletion(new TransferItem("delete", Path.Join(local, relative), null, 0, (_, _) =>
                {
                    File.Delete(path);
                    return Task.CompletedTask;
                }), null));
            }
        }

        return (transfers, deletes);
    }

    /// <summary>
    /// The relative paths to transfer: missing on one side, of another size, or (unless <c>--size-only</c>) of another
    /// CRC-64: the local file's is computed, the object's read with HEAD (an object without one counts as changed).
    /// </summary>
    private static async Task<HashSet<string>> ChangedAsync(SyncOptions options, CosUri prefix, IReadOnlyList<(string Relative, FileInfo? Local, ObjectSummary? Remote)> pairs)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var sameSize = new List<(string Relative, FileInfo Local, ObjectSummary Remote)>();
        foreach (var (relative, local, remote) in pairs)
        {
            if (local is null || remote is null || local.Length != (remote.Size ?? -1))
            {
                changed.Add(relative);
            }
            else if (!options.SizeOnly)
            {
                sameSize.Add((relative, local, remote));
            }
        }

        var context = options.Context;
        await Parallel.ForEachAsync(sameSize, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = context.Cancel }, async (pair, cancel) =>
        {
            var head = await context.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = prefix.Bucket, Key = pair.Remote.Key! }, cancel).ConfigureAwait(false);
            if (head.Crc64 is not { } remoteCrc || remoteCrc != await Crc64Async(pair.Local, cancel).ConfigureAwait(false))
            {
                lock (changed)
                {
                    changed.Add(pair.Relative);
                }
            }
        }).ConfigureAwait(false);
        return changed;
    }

    private static async Task<ulong> Crc64Async(FileInfo file, CancellationToken cancellationToken)
    {
        var crc = CosCrc64.Create();
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await crc.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
        return crc.GetCurrentHashAsUInt64();
    }
}
