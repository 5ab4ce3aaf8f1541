using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cos.Cli.Output;

/// <summary>
/// Where a command's results go. Text: lines on stdout, diagnostics on stderr. <c>--output json</c>: one JSON document
/// on stdout (written with <see cref="Utf8JsonWriter"/>, no reflection), errors included, so a script reads one stream.
/// </summary>
internal sealed class CliOutput
{
    private readonly object _gate = new();

    public CliOutput(bool json, bool progress)
    {
        Json = json;
        Out = Console.Out;
        Error = Console.Error;
        // Progress bars only for a person watching: an interactive stderr, not JSON, not a dumb terminal.
        Interactive = progress && !json && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";
    }

    /// <summary>True with <c>--output json</c>.</summary>
    public bool Json { get; }

    /// <summary>True when a progress bar is drawn on stderr.</summary>
    public bool Interactive { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>The progress bar being drawn, cleared before a line is written so the two don't mix.</summary>
    public ProgressDisplay? Progress { get; set; }

    /// <summary>Writes a text result line (not in JSON mode, where results go into the document).</summary>
    public void Line(string text)
    {
        if (Json)
        {
            return;
        }

        lock (_gate)
        {
            Progress?.Clear();
            Out.WriteLine(text);
            Out.Flush();
        }
    }

    /// <summary>Writes a diagnostic line to stderr (a warning, a per-item failure in text mode).</summary>
    public void Warn(string text)
    {
        lock (_gate)
        {
            Progress?.Clear();
            Error.WriteLine(text);
            Error.Flush();
        }
    }

    /// <summary>Writes one JSON document to stdout with <c>--output json</c>; nothing in text mode.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        if (!Json)
        {
            return;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        stdout.Write("\n"u8);
        stdout.Flush();
    }

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B") : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
