using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Cli.Transfers;
using Cos.Generated;
using Cos.Generated.MSBuild;
using Cos.Generated.Transfer;

namespace Cos.Cli.Commands;

/// <summary>
/// <c>cos cp SOURCE DESTINATION [-r]</c>: upload (local → cos://), download (cos:// → local) or copy (cos:// → cos://),
/// one object or, with <c>-r</c>, a tree; <c>-</c> is stdin or stdout. Uploads and downloads are resumable: after a
/// failure or Ctrl-C the same command fetches or sends only what is missing.
/// </summary>
internal static class CpCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A local file or directory, cos://bucket-appid/key or prefix, or - (stdin)." };
        var destination = new Argument<string>("destination") { Description = "A local path, cos://bucket-appid/key, or a prefix ending in / (the source's name is appended), or - (stdout)." };
        var recursive = CommonOptions.Recursive();
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var parallel = CommonOptions.Parallel();
        var storageClass = new Option<string?>("--storage-class") { Description = "The storage class of uploaded or copied objects, such as STANDARD_IA or ARCHIVE." };
        var contentType = new Option<string?>("--content-type") { Description = "The Content-Type of an uploaded object (default: from the file's extension)." };
        var command = new Command("cp", "Copy files to COS, objects to files, or objects to objects.")
        {
            source, destination, recursive, include, exclude, parallel, storageClass, contentType,
        };
        return command.WithRun(async context =>
        {
            var plan = new Plan(
                context,
                context.Get(source),
                context.Get(destination),
                context.Get(recursive),
                CommonOptions.Filter(context, include, exclude),
                context.Get(storageClass) is { } s ? (StorageClass?)s : null,
                context.Get(contentType));
            var items = await plan.ItemsAsync().ConfigureAwait(false);
            if (items is null)
            {
                return ExitCodes.Success; // a stream copy, already done
            }

            if (items.Count == 0)
            {
                context.Output.Warn("cos: nothing to copy.");
                return ExitCodes.Success;
            }

            var batch = new TransferBatch(context);
            await batch.RunAsync(items, CommonOptions.ParallelOf(context, parallel)).ConfigureAwait(false);
            return batch.Finish();
        });
    }

    private sealed record Plan(CommandContext Context, string Source, string Destination, bool Recursive, PathFilter Filter, StorageClass? StorageClass, string? ContentType)
    {
        private CosClient Client => Context.Client;

        private CosUploadOptions UploadOptions(string path) => new()
        {
            StorageClass = StorageClass,
            ContentType = ContentType ?? ContentTypes.ForPath(path),
        };

        /// <summary>The items to run; null when the copy was a stream (stdin/stdout) and is done.</summary>
        public async Task<IReadOnlyList<TransferItem>?> ItemsAsync()
        {
            var fromCos = CosUri.IsCosUri(Source);
            var toCos = CosUri.IsCosUri(Destination);
            if (!fromCos && !toCos)
            {
                throw CliException.Usage("one of SOURCE and DESTINATION must be a cos:// URI (for local copies use cp).");
            }

            if (Source == "-")
            {
                await UploadStdinAsync(CosUri.Parse(Destination)).ConfigureAwait(false);
                return null;
            }

            if (Destination == "-")
            {
                await CatCommand.WriteToStdoutAsync(Context, CosUri.Parse(Source)).ConfigureAwait(false);
                return null;
            }

            return (fromCos, toCos) switch
            {
                (false, true) => Uploads(Source, CosUri.Parse(Destination)),
                (true, false) => await DownloadsAsync(CosUri.Parse(Source), Destination).ConfigureAwait(false),
                _ => await CopiesAsync(CosUri.Parse(Source), CosUri.Parse(Destination)).ConfigureAwait(false),
            };
        }

        private IReadOnlyList<TransferItem> Uploads(string local, CosUri destination)
        {
            if (Recursive)
            {
                if (!Directory.Exists(local))
                {
                    throw CliException.NotFound($"{local}: no such directory.");
                }

                return [.. LocalTree.Files(local, Filter).Select(f => Upload(f.File.FullName, Shown(local, f.Relative), destination.Append(f.Relative), f.File.Length))];
            }

            if (Directory.Exists(local))
            {
                throw CliException.Usage($"{local} is a directory: add -r to copy what is in it.");
            }

            var file = new FileInfo(local);
            if (!file.Exists)
            {
                throw CliException.NotFound($"{local}: no such file.");
            }

            var key = destination.IsPrefix ? destination.Append(file.Name) : destination;
            return [Upload(file.FullName, local, key, file.Length)];
        }

        private TransferItem Upload(string path, string shown, CosUri key, long size) =>
            new("upload", shown, key.ToString(), size, (progress, cancel) =>
                Client.UploadFileAsync(key.Bucket, key.Key, path, UploadOptions(path), progress, cancel));

        private async Task UploadStdinAsync(CosUri destination)
        {
            if (destination.IsPrefix)
            {
                throw CliException.Usage("uploading stdin needs a key, not a prefix: cos cp - cos://bucket-appid/key");
            }

            await using var stdin = Console.OpenStandardInput();
            var result = await Client.UploadAsync(destination.Bucket, destination.Key, stdin, new CosUploadOptions { StorageClass = StorageClass, ContentType = ContentType }, cancellationToken: Context.Cancel).ConfigureAwait(false);
            Context.Output.Line($"upload: - -> {destination}");
            Context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("destination", destination.ToString());
                w.WriteNumber("size", result.Size);
                w.WriteString("etag", result.ETag);
                w.WriteEndObject();
            });
        }

        private async Task<IReadOnlyList<TransferItem>> DownloadsAsync(CosUri source, string local)
        {
            if (Recursive)
            {
                var objects = await RemoteTree.ListAsync(Client, source, Filter, Context.Cancel).ConfigureAwait(false);
                var items = new List<TransferItem>();
                foreach (var (relative, item) in objects)
                {
                    var path = LocalTree.PathOf(local, relative);
                    if (path is null)
                    {
                        Context.Output.Warn($"cos: skipped cos://{source.Bucket}/{item.Key}: the key is not a safe local path under {local}.");
                        continue;
                    }

                    items.Add(Download(new CosUri(source.Bucket, item.Key!), Shown(local, relative), path, item.Size ?? 0));
                }

                return items;
            }

            if (source.IsPrefix)
            {
                throw CliException.Usage($"{source} is a prefix: add -r to copy what is under it.");
            }

            var target = Directory.Exists(local) || local.EndsWith('/') || local.EndsWith(Path.DirectorySeparatorChar) ? Path.Combine(local, source.Name) : local;
            var head = await Client.HeadObjectAsync(new HeadObjectRequest { Bucket = source.Bucket, Key = source.Key }, Context.Cancel).ConfigureAwait(false);
            return [Download(source, target, Path.GetFullPath(target), head.ContentLength ?? 0)];
        }

        private TransferItem Download(CosUri source, string shown, string path, long size) =>
            new("download", source.ToString(), shown, size, async (progress, cancel) =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await Client.DownloadFileAsync(source.Bucket, source.Key, path, null, progress, cancel).ConfigureAwait(false);
            });

        private async Task<IReadOnlyList<TransferItem>> CopiesAsync(CosUri source, CosUri destination)
        {
            if (Recursive)
            {
                var objects = await RemoteTree.ListAsync(Client, source, Filter, Context.Cancel).ConfigureAwait(false);
                return [.. objects.Select(o => Copy(new CosUri(source.Bucket, o.Item.Key!), destination.Append(o.Relative), o.Item.Size ?? 0))];
            }

            if (source.IsPrefix)
            {
                throw CliException.Usage($"{source} is a prefix: add -r to copy what is under it.");
            }

            var head = await Client.HeadObjectAsync(new HeadObjectRequest { Bucket = source.Bucket, Key = source.Key }, Context.Cancel).ConfigureAwait(false);
            return [Copy(source, destination.IsPrefix ? destination.Append(source.Name) : destination, head.ContentLength ?? 0)];
        }

        private TransferItem Copy(CosUri source, CosUri destination, long size) =>
            new("copy", source.ToString(), destination.ToString(), size, (progress, cancel) =>
                Client.CopyAsync(new CosCopySource(source.Bucket, source.Key, Context.Settings.Region), destination.Bucket, destination.Key, new CosCopyOptions { StorageClass = StorageClass }, progress, cancel));

        /// <summary>A file as the user named its tree: <c>site/css/a.css</c> for <c>site</c> and <c>css/a.css</c>.</summary>
        private static string Shown(string root, string relative) => Path.Join(root, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
