using System.CommandLine;
using Cos.Cli.Output;
using Cos.Cli.Paths;
using Cos.Generated;

namespace Cos.Cli.Commands;

/// <summary><c>cos ls [cos://bucket[/prefix]] [-r]</c>: the buckets, or the objects and "directories" under a prefix.</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var target = new Argument<string?>("uri") { Description = "cos://bucket-appid[/prefix]; none lists the buckets.", Arity = ArgumentArity.ZeroOrOne };
        var recursive = CommonOptions.Recursive();
        var command = new Command("ls", "List buckets, or the objects under cos://bucket/prefix (one level unless -r).") { target, recursive };
        return command.WithRun(async context =>
        {
            var text = context.Get(target);
            return text is null
                ? await ListBucketsAsync(context).ConfigureAwait(false)
                : await ListObjectsAsync(context, CosUri.Parse(text), context.Get(recursive)).ConfigureAwait(false);
        });
    }

    private static async Task<int> ListBucketsAsync(CommandContext context)
    {
        var buckets = new List<BucketSummary>();
        await foreach (var bucket in context.Client.EnumerateBucketsAsync(new GetServiceRequest(), context.Cancel).ConfigureAwait(false))
        {
            buckets.Add(bucket);
            context.Output.Line($"{CliOutput.Time(bucket.CreationDate)}  {bucket.Location,-16}  cos://{bucket.Name}");
        }

        context.Output.WriteJson(w =>
        {
            w.WriteStartArray();
            foreach (var bucket in buckets)
            {
                w.WriteStartObject();
                w.WriteString("name", bucket.Name);
                w.WriteString("region", bucket.Location);
                if (bucket.CreationDate is { } created)
                {
                    w.WriteString("created", created);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        return ExitCodes.Success;
    }

    private static async Task<int> ListObjectsAsync(CommandContext context, CosUri uri, bool recursive)
    {
        var request = new GetBucketRequest { Bucket = uri.Bucket, Prefix = uri.Key.Length == 0 ? null : uri.Key, Delimiter = recursive ? null : "/" };
        var json = context.Output.Json ? new List<(string Key, bool Directory, ObjectSummary? Item)>() : null;
        await foreach (var page in context.Client.GetBucketPagesAsync(request, context.Cancel).ConfigureAwait(false))
        {
            foreach (var directory in page.CommonPrefixes)
            {
                json?.Add((directory.Prefix!, true, null));
                context.Output.Line($"{"",19}  {"DIR",14}  cos://{uri.Bucket}/{directory.Prefix}");
            }

            foreach (var item in page.Contents)
            {
                json?.Add((item.Key!, false, item));
                context.Output.Line($"{CliOutput.Time(item.LastModified)}  {item.Size,14}  cos://{uri.Bucket}/{item.Key}");
            }
        }

        json?.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        context.Output.WriteJson(w =>
        {
            w.WriteStartArray();
            foreach (var (key, isDirectory, item) in json!)
            {
                w.WriteStartObject();
                w.WriteString("key", key);
                w.WriteString("uri", $"cos://{uri.Bucket}/{key}");
                w.WriteString("type", isDirectory ? "prefix" : "object");
                if (item is not null)
                {
                    w.WriteNumber("size", item.Size ?? 0);
                    if (item.LastModified is { } modified)
                    {
                        w.WriteString("lastModified", modified);
                    }

                    w.WriteString("etag", item.ETag);
                    w.WriteString("storageClass", item.StorageClass?.ToString());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        return ExitCodes.Success;
    }
}
