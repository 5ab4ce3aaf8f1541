using System.CommandLine;
using System.Globalization;
using Cos.Cli.Paths;

namespace Cos.Cli.Commands;

/// <summary><c>cos presign cos://bucket/key [--expires 15m] [--method GET]</c>: a URL anyone can use until it expires.</summary>
internal static class PresignCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid/key" };
        var expires = new Option<string>("--expires", "-e") { Description = "How long the URL works: seconds, or a number with s, m, h or d (default 15m).", DefaultValueFactory = _ => "15m" };
        var method = new Option<string>("--method", "-X") { Description = "The HTTP method the URL is for (default GET).", DefaultValueFactory = _ => "GET" };
        method.AcceptOnlyFromAmong("GET", "PUT", "HEAD", "DELETE");
        var command = new Command("presign", "Print a presigned URL of an object.") { target, expires, method };
        return command.WithRun(async context =>
        {
            var uri = CosUri.Parse(context.Get(target));
            if (uri.IsPrefix)
            {
                throw CliException.Usage($"{uri} is a prefix, not an object.");
            }

            var lifetime = ParseDuration(context.Get(expires));
            var url = await context.Client.GetObjectUrlAsync(uri.Bucket, uri.Key, lifetime, new HttpMethod(context.Get(method)), cancellationToken: context.Cancel).ConfigureAwait(false);
            context.Output.Line(url.AbsoluteUri);
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("url", url.AbsoluteUri);
                w.WriteString("method", context.Get(method));
                w.WriteString("expires", DateTimeOffset.UtcNow + lifetime);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        });
    }

    /// <summary><c>900</c>, <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var number = char.IsLetter(text.Length > 0 ? text[^1] : '0') ? text[..^1] : text;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || unit is not ('s' or 'm' or 'h' or 'd'))
        {
            throw CliException.Usage($"--expires '{text}' is not a duration such as 900, 90s, 15m, 2h or 7d.");
        }

        var seconds = unit switch { 'm' => value * 60, 'h' => value * 3600, 'd' => value * 86400, _ => value };
        return seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : throw CliException.Usage($"--expires '{text}' is too long.");
    }
}
