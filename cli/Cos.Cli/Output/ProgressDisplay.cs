using System.Diagnostics;
using System.Globalization;
using Cos.Generated.Transfer;

namespace Cos.Cli.Output;

/// <summary>
/// One progress line on an interactive stderr: percent, a bar, bytes, speed and ETA, redrawn in place at most ten times
/// a second. Files finished meanwhile are printed above it (<see cref="CliOutput.Line"/> clears it first). A small
/// renderer of our own: it is all a transfer needs, and it keeps the NativeAOT binary small.
/// </summary>
internal sealed class ProgressDisplay : IProgress<CosTransferProgress>, IDisposable
{
    private static readonly long RedrawTicks = Stopwatch.Frequency / 10;
    private readonly CliOutput _output;
    private readonly object _gate = new();
    private long _lastDraw;
    private int _drawnWidth;
    private CosTransferProgress _last;

    public ProgressDisplay(CliOutput output)
    {
        _output = output;
        output.Progress = this;
    }

    public void Report(CosTransferProgress value)
    {
        lock (_gate)
        {
            _last = value;
            var now = Stopwatch.GetTimestamp();
            if (now - _lastDraw < RedrawTicks)
            {
                return;
            }

            _lastDraw = now;
            Draw();
        }
    }

    /// <summary>Erases the line (before other output, and at the end).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_drawnWidth > 0)
            {
                _output.Error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _output.Error.Flush();
                _drawnWidth = 0;
            }
        }
    }

    public void Dispose()
    {
        Clear();
        _output.Progress = null;
    }

    /// <summary>The line for <paramref name="progress"/>, e.g. <c> 42% [########............] 12.0 MiB/28.5 MiB 5.1 MiB/s ETA 0:03</c>.</summary>
    public static string Format(CosTransferProgress progress)
    {
        var speed = CliOutput.Bytes((long)progress.BytesPerSecond) + "/s";
        if (progress.Total is not { } total || total <= 0)
        {
            return $"{CliOutput.Bytes(progress.Loaded)} {speed}";
        }

        var fraction = Math.Clamp((double)progress.Loaded / total, 0, 1);
        const int width = 24;
        var filled = (int)(fraction * width);
        var bar = new string('#', filled) + new string('.', width - filled);
        var eta = progress.BytesPerSecond > 0 ? TimeSpan.FromSeconds(Math.Ceiling((total - progress.Loaded) / progress.BytesPerSecond)) : (TimeSpan?)null;
        var etaText = eta is { } e ? e.ToString(e.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "-:--";
        return string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:0}% [{bar}] {CliOutput.Bytes(progress.Loaded)}/{CliOutput.Bytes(total)} {speed} ETA {etaText}");
    }

    private void Draw()
    {
        var line = Format(_last);
        var width = Math.Max(_drawnWidth, line.Length);
        _output.Error.Write("\r" + line.PadRight(width));
        _output.Error.Flush();
        _drawnWidth = line.Length;
    }
}
