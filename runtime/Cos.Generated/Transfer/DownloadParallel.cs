using System.Runtime.ExceptionServices;

namespace Cos.Generated.Transfer;

/// <summary>Runs part bodies with a bounded number in flight; the first failure cancels the siblings and is rethrown.</summary>
internal static class DownloadParallel
{
    public static async Task RunAsync(IReadOnlyList<int> parts, int limit, Func<int, CancellationToken, Task> body, CancellationToken ct)
    {
        if (parts.Count == 0)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? first = null;
        var next = -1;
        var workers = new Task[Math.Min(limit, parts.Count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(
                async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var index = Interlocked.Increment(ref next);
                        if (index >= parts.Count)
                        {
                            return;
                        }

                        try
                        {
                            await body(parts[index], stop.Token).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            if (!(ex is OperationCanceledException && stop.IsCancellationRequested))
                            {
                                Interlocked.CompareExchange(ref first, ex, null);
                            }

                            await stop.CancelAsync().ConfigureAwait(false);
                            return;
                        }
                    }
                },
                CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        ct.ThrowIfCancellationRequested();
    }
}
