using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Cos.Generated.Transfer;

/// <summary>
/// The one way a transfer runs its parts: at most <c>limit</c> in flight, the next item produced (in order, one at a
/// time: a stream is read sequentially) only when a slot is free, so memory stays near limit × part. The first
/// failure, of a part or of the producer, cancels the rest and is rethrown once all have stopped; a cancel by the
/// caller is rethrown as the caller's.
/// </summary>
internal static class BoundedParallel
{
    /// <summary>Runs <paramref name="body"/> on every item <paramref name="next"/> produces until it returns <c>default</c>.</summary>
    public static async Task RunAsync<T>(Func<CancellationToken, ValueTask<T?>> next, Func<T, CancellationToken, Task> body, int limit, CancellationToken cancellationToken)
        where T : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(limit, limit);
        var running = new List<Task>();
        Exception? first = null;

        async Task RunOneAsync(T item)
        {
            try
            {
                await Task.Yield();
                await body(item, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
            finally
            {
                slots.Release();
            }
        }

        void Fail(Exception ex)
        {
            // A part canceled because another failed (or the caller canceled) is not the failure to report.
            if (!(ex is OperationCanceledException && stop.IsCancellationRequested))
            {
                Interlocked.CompareExchange(ref first, ex, null);
            }

            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Everything has stopped already.
            }
        }

        try
        {
            while (true)
            {
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                var item = await next(stop.Token).ConfigureAwait(false);
                if (item is null)
                {
                    break;
                }

                running.Add(RunOneAsync(item));
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref first) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Runs <paramref name="body"/> on the numbers 0 to <paramref name="count"/> − 1.</summary>
    public static Task ForEachAsync(int count, int limit, Func<int, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        var index = 0;
        return RunAsync<StrongBox<int>>(
            _ => ValueTask.FromResult(index < count ? new StrongBox<int>(index++) : null),
            (item, token) => body(item.Value, token),
            limit,
            cancellationToken);
    }
}
