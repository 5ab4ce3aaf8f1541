using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Generated;

namespace Cos.Cli.Commands;

/// <summary><c>cos mb cos://bucket-appid [--acl private]</c>: creates a bucket in the region of the settings.</summary>
internal static class MbCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid" };
        var acl = new Option<string?>("--acl") { Description = "private (default), public-read or public-read-write." };
        acl.AcceptOnlyFromAmong("private", "public-read", "public-read-write");
        var command = new Command("mb", "Make a bucket.") { target, acl };
        return command.WithRun(async context =>
        {
            var uri = CosUri.Parse(context.Get(target));
            if (uri.Key.Length > 0)
            {
                throw CliException.Usage($"{uri} names a key: mb takes cos://bucket-appid.");
            }

            await context.Client.PutBucketAsync(new PutBucketRequest { Bucket = uri.Bucket, Acl = context.Get(acl) is { } a ? (BucketAcl?)a : null }, context.Cancel).ConfigureAwait(false);
            StatCommand.WriteBucket(context, $"make_bucket: cos://{uri.Bucket} ({context.Settings.Region})", uri.Bucket);
            return ExitCodes.Success;
        });
    }
}
