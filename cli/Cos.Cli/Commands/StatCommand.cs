using System.CommandLine;
using Cos.Cli.Output;
using Cos.Cli.Paths;
using Cos.Generated;
using Cos.Generated.Integrity;

namespace Cos.Cli.Commands;

/// <summary><c>cos stat cos://bucket/key</c> (HEAD Object) or <c>cos stat cos://bucket</c> (HEAD Bucket): what COS knows of it.</summary>
internal static class StatCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid/key, or cos://bucket-appid for the bucket." };
        var command = new Command("stat", "Show an object's size, ETag, CRC-64, type, storage class and metadata, or that a bucket exists.") { target };
        return command.WithRun(async context =>
        {
            var uri = CosUri.Parse(context.Get(target));
            if (uri.Key.Length == 0)
            {
                await context.Client.HeadBucketAsync(new HeadBucketRequest { Bucket = uri.Bucket }, context.Cancel).ConfigureAwait(false);
                WriteBucket(context, $"bucket   cos://{uri.Bucket}\nregion   {context.Settings.Region}", uri.Bucket);
                return ExitCodes.Success;
            }

            var head = await context.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = uri.Bucket, Key = uri.Key }, context.Cancel).ConfigureAwait(false);
            var crc = head.Crc64 is { } c ? CosCrc64.Format(c) : null;
            context.Output.Line($"uri            {uri}");
            context.Output.Line($"size           {head.ContentLength}");
            context.Output.Line($"last-modified  {CliOutput.Time(head.LastModified)}");
            context.Output.Line($"etag           {head.ETag}");
            context.Output.Line($"crc64          {crc ?? "-"}");
            context.Output.Line($"content-type   {head.ContentType ?? "-"}");
            context.Output.Line($"storage-class  {head.StorageClass?.ToString() ?? "STANDARD"}");
            if (head.VersionId is not null)
            {
                context.Output.Line($"version-id     {head.VersionId}");
            }

            foreach (var (name, value) in head.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                context.Output.Line($"meta-{name}  {value}");
            }

            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("uri", uri.ToString());
                w.WriteNumber("size", head.ContentLength ?? 0);
                if (head.LastModified is { } modified)
                {
                    w.WriteString("lastModified", modified);
                }

                w.WriteString("etag", head.ETag);
                w.WriteString("crc64", crc);
                w.WriteString("contentType", head.ContentType);
                w.WriteString("storageClass", head.StorageClass?.ToString() ?? "STANDARD");
                w.WriteString("versionId", head.VersionId);
                w.WriteStartObject("metadata");
                foreach (var (name, value) in head.Metadata)
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        });
    }

    /// <summary>A bucket's result: <paramref name="text"/>, or <c>{"bucket", "region"}</c> with <c>--output json</c>.</summary>
    public static void WriteBucket(CommandContext context, string text, string bucket)
    {
        context.Output.Line(text);
        context.Output.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteString("bucket", bucket);
            w.WriteString("region", context.Settings.Region);
            w.WriteEndObject();
        });
    }
}
