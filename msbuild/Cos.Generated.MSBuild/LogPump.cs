using System.Collections.Concurrent;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Runs asynchronous work while the task's own thread does the logging: workers <see cref="Post"/> log calls and
/// <see cref="Run"/> executes them in order on the calling thread until the work ends. MSBuild's logging helper
/// belongs to the thread that runs Execute, and per-file lines then appear as each file finishes.
/// </summary>
internal sealed class LogPump : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();

    /// <summary>Queues a log call; calls posted after the work ended are run by <see cref="Run"/> before it returns.</summary>
    public void Post(Action log) => _queue.Add(log);

    /// <summary>Starts <paramref name="work"/> on the thread pool, runs the posted log calls until it ends, then rethrows its exception, if any.</summary>
    public void Run(Func<Task> work)
    {
        var task = Task.Run(work);
        task.ContinueWith(_ => _queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var log in _queue.GetConsumingEnumerable())
        {
            log();
        }

        task.GetAwaiter().GetResult();
    }

    public void Dispose() => _queue.Dispose();
}
