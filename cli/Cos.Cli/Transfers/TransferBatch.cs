using System.Diagnostics;
using System.Text.Json;
using Cos.Cli.Output;
using Cos.Generated.Transfer;

namespace Cos.Cli.Transfers;

/// <summary>
/// Runs a command's items a few at a time with one progress bar over all of them, reports each as it ends (a line, or
/// an entry of the JSON document), and turns the outcome into the exit code: 0 when all succeeded, the item's own code
/// for a single failed item, <see cref="ExitCodes.Partial"/> when some failed. Ctrl-C stops it with
/// <see cref="OperationCanceledException"/>; interrupted uploads and downloads keep their checkpoints, so a rerun resumes.
/// </summary>
internal sealed class TransferBatch(CommandContext context)
{
    private readonly List<(TransferItem Item, Exception? Error)> _done = [];

    private bool _dryRun;

    /// <summary>Records <paramref name="items"/> as what a <c>--dry-run</c> would do, and prints them.</summary>
    public void Plan(IEnumerable<TransferItem> items)
    {
        _dryRun = true;
        foreach (var item in items)
        {
            context.Output.Line("(dry run) " + item.Describe());
            _done.Add((item, null));
        }
    }

    /// <summary>Runs <paramref name="items"/>, <paramref name="parallel"/> at a time; each outcome is recorded and reported as it ends.</summary>
    public async Task RunAsync(IReadOnlyList<TransferItem> items, int parallel)
    {
        var output = context.Output;
        var total = items.Sum(i => i.Size);
        using var display = output.Interactive && total > 0 ? new ProgressDisplay(output) : null;
        long loaded = 0;
        var started = Stopwatch.GetTimestamp();

        void Moved(long delta)
        {
            var now = Interlocked.Add(ref loaded, delta);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            display?.Report(new CosTransferProgress(now, total, seconds > 0 ? now / seconds : 0));
        }

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = context.Cancel }, async (item, cancel) =>
        {
            var mine = new ItemProgress(Moved);
            Exception? error = null;
            try
            {
                await item.Run(mine, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.Cancel.IsCancellationRequested)
            {
                error = e;
            }

            mine.Finish(item.Size); // the bar counts a failed item as done too
            Record(item, error);
        }).ConfigureAwait(false);
    }

    /// <summary>Records one item that was done (or failed) outside <see cref="RunAsync"/>, such as a key of a batch delete, and reports it.</summary>
    public void Record(TransferItem item, Exception? error)
    {
        lock (_done)
        {
            _done.Add((item, error));
        }

        if (error is null)
        {
            context.Output.Line(item.Describe());
        }
        else
        {
            context.Output.Warn($"failed: {item.Describe()}: {CommandRunner.Describe(error)}");
        }
    }

    /// <summary>True when some recorded item failed.</summary>
    public bool HasFailures
    {
        get
        {
            lock (_done)
            {
                return _done.Any(d => d.Error is not null);
            }
        }
    }

    /// <summary>Writes the JSON document (with <c>--output json</c>) and returns the exit code of what was recorded.</summary>
    public int Finish()
    {
        WriteJson(_dryRun);
        var failed = _done.Where(d => d.Error is not null).ToList();
        return failed.Count switch
        {
            0 => ExitCodes.Success,
            _ when _done.Count == 1 => CommandRunner.ExitCodeOf(failed[0].Error!),
            _ when failed.Count == _done.Count => ExitCodes.Failed,
            _ => ExitCodes.Partial,
        };
    }

    private void WriteJson(bool dryRun)
    {
        context.Output.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("dryRun", dryRun);
            w.WriteNumber("succeeded", _done.Count(d => d.Error is null));
            w.WriteNumber("failed", _done.Count(d => d.Error is not null));
            w.WriteStartArray("items");
            foreach (var (item, error) in _done.OrderBy(d => d.Item.Source, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("action", item.Action);
                w.WriteString("source", item.Source);
                if (item.Destination is not null)
                {
                    w.WriteString("destination", item.Destination);
                }

                w.WriteNumber("size", item.Size);
                w.WriteString("status", error is null ? (dryRun ? "planned" : "done") : "failed");
                if (error is not null)
                {
                    w.WriteString("error", CommandRunner.Describe(error));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Turns one item's running byte count into deltas of the batch's total.</summary>
    private sealed class ItemProgress(Action<long> moved) : IProgress<CosTransferProgress>
    {
        private long _reported;

        public void Report(CosTransferProgress value) => Move(value.Loaded);

        public void Finish(long size) => Move(size);

        private void Move(long loaded)
        {
            var before = Interlocked.Exchange(ref _reported, loaded);
            if (loaded != before)
            {
                moved(loaded - before);
            }
        }
    }
}
