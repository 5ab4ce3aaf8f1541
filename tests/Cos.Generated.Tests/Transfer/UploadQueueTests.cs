using System.Collections.Concurrent;
using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadQueueTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Tasks_run_in_order_one_at_a_time_through_waiting_checking_uploading_success()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        await using var queue = new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 1 });
        var states = new ConcurrentDictionary<string, ConcurrentQueue<CosUploadTaskState>>();
        var order = new ConcurrentQueue<(string Id, CosUploadTaskState State)>();
        queue.TaskChanged += (_, e) =>
        {
            if (e.Change is CosUploadTaskChange.Added or CosUploadTaskChange.StateChanged)
            {
                states.GetOrAdd(e.Task.Id, _ => new()).Enqueue(e.State);
                order.Enqueue((e.Task.Id, e.State));
            }
        };
        var first = RandomBytes((2 * MiB) + 1, 1);
        var second = RandomBytes(100, 2);

        var a = queue.Enqueue(Bucket, "q/a.bin", harness.WriteFile(first, "a.bin"), harness.UploadOptions());
        var b = queue.Enqueue(Bucket, "q/b.bin", harness.WriteFile(second, "b.bin"), harness.UploadOptions());
        (await a.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        (await b.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        await queue.WhenIdleAsync().WaitAsync(Deadline);

        states[a.Id].ShouldBe([CosUploadTaskState.Waiting, CosUploadTaskState.Checking, CosUploadTaskState.Uploading, CosUploadTaskState.Success]);
        states[b.Id].ShouldBe([CosUploadTaskState.Waiting, CosUploadTaskState.Checking, CosUploadTaskState.Uploading, CosUploadTaskState.Success]);
        var log = order.ToList();
        log.IndexOf((b.Id, CosUploadTaskState.Checking)).ShouldBeGreaterThan(log.IndexOf((a.Id, CosUploadTaskState.Success)));
        a.Result!.PartCount.ShouldBe(3);
        a.Progress.Loaded.ShouldBe(first.Length);
        queue.IsRunning.ShouldBeFalse();
        queue.Find(b.Id).ShouldBeSameAs(b);
        (await harness.DownloadAsync(client, "q/a.bin")).ShouldBe(first);
        (await harness.DownloadAsync(client, "q/b.bin")).ShouldBe(second);
    }

    [Fact]
    public async Task Pausing_an_upload_keeps_its_parts_and_restart_sends_only_the_missing_ones()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(4 * MiB, 5);
        var sentParts = new ConcurrentBag<int>();
        var part3Reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdPart3 = true;
        using var client = harness.TamperingClient(tamper: null, parallel: 1, beforeSend: async (request, token) =>
        {
            var query = request.RequestUri!.Query;
            if (!query.Contains("partNumber=", StringComparison.Ordinal))
            {
                return;
            }

            var part = int.Parse(query.Split("partNumber=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
            if (part == 3 && Volatile.Read(ref holdPart3))
            {
                part3Reached.TrySetResult();
                await Task.Delay(Timeout.Infinite, token); // held until the pause cancels it
            }

            sentParts.Add(part);
        });
        await using var queue = new CosUploadQueue(client);
        var task = queue.Enqueue(Bucket, "pause.bin", harness.WriteFile(data), harness.UploadOptions(onFailure: CosUploadFailureAction.Abort));
        await part3Reached.Task.WaitAsync(Deadline);

        task.Pause().ShouldBeTrue();
        task.State.ShouldBe(CosUploadTaskState.Paused);
        await queue.WhenIdleAsync().WaitAsync(Deadline);

        // A pause keeps the multipart upload even when the task's options say to abort on failure.
        task.UploadId.ShouldNotBeNull();
        (await harness.ListUploadsAsync(client, "pause.bin")).Select(u => u.UploadId).ShouldBe([task.UploadId]);
        sentParts.Order().ShouldBe([1, 2]);

        var kept = task.UploadId;
        Volatile.Write(ref holdPart3, false);
        task.Restart().ShouldBeTrue();
        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);

        sentParts.Order().ShouldBe([1, 2, 3, 4]);
        task.Result!.UploadId.ShouldBe(kept);
        (await harness.DownloadAsync(client, "pause.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_waiting_task_can_be_paused_restarted_and_canceled_without_sending_anything()
    {
        await using var harness = await StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = harness.TamperingClient(tamper: null, beforeSend: (request, token) =>
            request.RequestUri!.AbsolutePath.EndsWith("/blocker", StringComparison.Ordinal) ? gate.Task.WaitAsync(token) : Task.CompletedTask);
        var puts = harness.CountRequests("PutObject");
        await using var queue = new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 1 });
        var blocker = queue.Enqueue(Bucket, "blocker", harness.WriteFile([1], "blocker.bin"));
        var paused = queue.Enqueue(Bucket, "paused", harness.WriteFile([2], "paused.bin"));
        var canceled = queue.Enqueue(Bucket, "canceled", harness.WriteFile([3], "canceled.bin"));

        paused.State.ShouldBe(CosUploadTaskState.Waiting);
        paused.Pause().ShouldBeTrue();
        canceled.Cancel().ShouldBeTrue();
        (await canceled.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Canceled);
        gate.SetResult();
        (await blocker.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        await queue.WhenIdleAsync().WaitAsync(Deadline);

        paused.State.ShouldBe(CosUploadTaskState.Paused);
        puts.Fired.ShouldBe(1);
        paused.Restart().ShouldBeTrue();
        (await paused.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        puts.Fired.ShouldBe(2);
        canceled.Restart().ShouldBeFalse();
        canceled.State.ShouldBe(CosUploadTaskState.Canceled);
    }

    [Theory]
    [InlineData(CosUploadFailureAction.Keep, 1)]
    [InlineData(CosUploadFailureAction.Abort, 0)]
    public async Task Canceling_a_running_upload_keeps_or_aborts_its_multipart_upload(CosUploadFailureAction onFailure, int uploadsLeft)
    {
        await using var harness = await StartAsync();
        using var client = ClientHoldingPart2(harness, out var held);
        await using var queue = new CosUploadQueue(client);
        var task = queue.Enqueue(Bucket, "cancel.bin", harness.WriteFile(RandomBytes(3 * MiB, 6)), harness.UploadOptions(onFailure));
        await held.WaitAsync(Deadline);

        task.Cancel().ShouldBeTrue();

        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Canceled);
        await queue.WhenIdleAsync().WaitAsync(Deadline);
        (await harness.ListUploadsAsync(client, "cancel.bin")).Count.ShouldBe(uploadsLeft);
        task.Cancel().ShouldBeFalse();
        task.Pause().ShouldBeFalse();
    }

    [Fact]
    public async Task Canceling_a_paused_task_whose_options_say_abort_aborts_the_kept_upload()
    {
        await using var harness = await StartAsync();
        using var client = ClientHoldingPart2(harness, out var held);
        await using var queue = new CosUploadQueue(client);
        var task = queue.Enqueue(Bucket, "paused-abort.bin", harness.WriteFile(RandomBytes(3 * MiB, 7)), harness.UploadOptions(CosUploadFailureAction.Abort));
        await held.WaitAsync(Deadline);
        task.Pause().ShouldBeTrue();
        await queue.WhenIdleAsync().WaitAsync(Deadline);
        (await harness.ListUploadsAsync(client, "paused-abort.bin")).Count.ShouldBe(1);

        task.Cancel().ShouldBeTrue();

        task.State.ShouldBe(CosUploadTaskState.Canceled);
        await WaitUntilAsync(async () => (await harness.ListUploadsAsync(client, "paused-abort.bin")).Count == 0);
    }

    [Fact]
    public async Task A_failed_task_reports_its_error_and_restart_resumes_it_to_success()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(parallel: 1);
        var refused = harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 3, Times = 1, Status = 403, ErrorCode = "AccessDenied" });
        var parts = harness.CountRequests("UploadPart");
        await using var queue = new CosUploadQueue(client);
        var data = RandomBytes((3 * MiB) + 9, 8);
        var task = queue.Enqueue(Bucket, "fail.bin", harness.WriteFile(data), harness.UploadOptions());

        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Error);
        task.Error.ShouldBeOfType<CosException>().ErrorCode.ShouldBe("AccessDenied");
        task.UploadId.ShouldNotBeNull();
        task.Pause().ShouldBeFalse();
        var partsBeforeRestart = parts.Fired;

        task.Restart().ShouldBeTrue();

        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        task.Error.ShouldBeNull();
        refused.Fired.ShouldBe(1);
        (parts.Fired - partsBeforeRestart).ShouldBe(2); // parts 3 and 4; 1 and 2 were already there
        (await harness.DownloadAsync(client, "fail.bin")).ShouldBe(data);
        task.Restart().ShouldBeFalse();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_task_checking_for_an_upload_to_resume_can_be_paused_and_restarted_or_canceled(bool cancel)
    {
        await using var harness = await StartAsync();
        var checking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = 1;
        using var client = harness.TamperingClient(tamper: null, beforeSend: async (request, token) =>
        {
            // The first InitiateMultipartUpload (POST ?uploads) is held: the task is still checking.
            if (request.Method == HttpMethod.Post && request.RequestUri!.Query.StartsWith("?uploads", StringComparison.Ordinal) && Interlocked.Exchange(ref hold, 0) == 1)
            {
                checking.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            }
        });
        var parts = harness.CountRequests("UploadPart");
        await using var queue = new CosUploadQueue(client);
        var data = RandomBytes((2 * MiB) + 1, 10);
        var task = queue.Enqueue(Bucket, "checking.bin", harness.WriteFile(data), harness.UploadOptions());
        await checking.Task.WaitAsync(Deadline);
        task.State.ShouldBe(CosUploadTaskState.Checking);

        if (cancel)
        {
            task.Cancel().ShouldBeTrue();
            (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Canceled);
            await queue.WhenIdleAsync().WaitAsync(Deadline);
            parts.Fired.ShouldBe(0);
            task.Restart().ShouldBeFalse();
            return;
        }

        task.Pause().ShouldBeTrue();
        await queue.WhenIdleAsync().WaitAsync(Deadline);
        task.State.ShouldBe(CosUploadTaskState.Paused);
        parts.Fired.ShouldBe(0);
        task.Restart().ShouldBeTrue();
        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        (await harness.DownloadAsync(client, "checking.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_failed_task_can_be_canceled_and_its_kept_upload_is_aborted_when_the_options_say_so()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(parallel: 1);
        harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, Status = 403, ErrorCode = "AccessDenied" });
        await using var queue = new CosUploadQueue(client);
        var task = queue.Enqueue(Bucket, "failed-cancel.bin", harness.WriteFile(RandomBytes(3 * MiB, 11)), harness.UploadOptions(CosUploadFailureAction.Abort));
        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Error);

        // OnFailure = Abort already aborted it when the upload failed; nothing is kept to cancel.
        task.UploadId.ShouldBeNull();
        (await harness.ListUploadsAsync(client, "failed-cancel.bin")).ShouldBeEmpty();
        task.Cancel().ShouldBeTrue();
        task.State.ShouldBe(CosUploadTaskState.Canceled);
        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Canceled);
    }

    [Fact]
    public async Task Finished_tasks_are_pruned_oldest_first_past_UploadQueueSize()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        await using var queue = new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 1, UploadQueueSize = 2 });
        var removed = new ConcurrentQueue<string>();
        queue.TaskChanged += (_, e) =>
        {
            if (e.Change == CosUploadTaskChange.Removed)
            {
                removed.Enqueue(e.Task.Id);
            }
        };
        var tasks = new List<CosUploadTask>();
        for (var i = 0; i < 4; i++)
        {
            tasks.Add(queue.Enqueue(Bucket, $"prune/{i}", harness.WriteFile([(byte)i], $"prune{i}.bin")));
        }

        foreach (var task in tasks)
        {
            (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        }

        await queue.WhenIdleAsync().WaitAsync(Deadline);
        queue.Tasks.ShouldBe(tasks[2..]);
        removed.ShouldBe([tasks[0].Id, tasks[1].Id]);
        queue.Find(tasks[0].Id).ShouldBeNull();
    }

    [Fact]
    public async Task Many_tasks_added_from_many_threads_all_finish()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        await using var queue = new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 4 });
        var paths = Enumerable.Range(0, 40).Select(i => harness.WriteFile(RandomBytes(50, i), $"many{i}.bin")).ToArray();

        var tasks = await Task.WhenAll(paths.Select((path, i) => Task.Run(() => queue.Enqueue(Bucket, $"many/{i}", path))));
        var states = await Task.WhenAll(tasks.Select(t => t.WaitAsync().WaitAsync(Deadline)));

        states.ShouldAllBe(s => s == CosUploadTaskState.Success);
        tasks.Select(t => t.Id).Distinct().Count().ShouldBe(40);
        await queue.WhenIdleAsync().WaitAsync(Deadline);
        queue.IsRunning.ShouldBeFalse();
    }

    [Fact]
    public async Task Disposing_the_queue_pauses_running_tasks_and_refuses_new_ones()
    {
        await using var harness = await StartAsync();
        using var client = ClientHoldingPart2(harness, out var held);
        var queue = new CosUploadQueue(client);
        var path = harness.WriteFile(RandomBytes(3 * MiB, 9));
        var task = queue.Enqueue(Bucket, "dispose.bin", path, harness.UploadOptions(CosUploadFailureAction.Abort));
        await held.WaitAsync(Deadline);

        await queue.DisposeAsync().AsTask().WaitAsync(Deadline);

        task.State.ShouldBe(CosUploadTaskState.Paused);
        (await harness.ListUploadsAsync(client, "dispose.bin")).Count.ShouldBe(1);
        Should.Throw<ObjectDisposedException>(() => queue.Enqueue(Bucket, "late", path));
    }

    [Fact]
    public async Task Enqueue_refuses_a_missing_file_and_bad_arguments()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        await using var queue = new CosUploadQueue(client);

        Should.Throw<FileNotFoundException>(() => queue.Enqueue(Bucket, "k", Path.Combine(harness.TempDirectory, "missing")));
        Should.Throw<ArgumentException>(() => queue.Enqueue(Bucket, "", harness.WriteFile([1])));
        Should.Throw<ArgumentOutOfRangeException>(() => new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 0 }));
        queue.Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changes_are_raised_in_the_order_they_were_made_even_when_a_handler_is_slow()
    {
        // The thread that enqueues raises Added and Checking; the run it starts raises Uploading. A handler slow on
        // Added holds that thread back while the run goes on: Uploading must still not be seen before Checking.
        await using var harness = await StartAsync();
        using var client = harness.Client();
        await using var queue = new CosUploadQueue(client, new CosUploadQueueOptions { FileParallelLimit = 1 });
        var seen = new ConcurrentQueue<CosUploadTaskState>();
        queue.TaskChanged += (_, e) =>
        {
            if (e.Change is CosUploadTaskChange.Added or CosUploadTaskChange.StateChanged)
            {
                seen.Enqueue(e.State);
            }

            if (e.Change == CosUploadTaskChange.Added)
            {
                Thread.Sleep(2000);
            }
        };

        var task = queue.Enqueue(Bucket, "q/ordered.bin", harness.WriteFile(RandomBytes(1000, 9), "ordered.bin"), harness.UploadOptions());
        (await task.WaitAsync().WaitAsync(Deadline)).ShouldBe(CosUploadTaskState.Success);
        await queue.WhenIdleAsync().WaitAsync(Deadline);

        seen.ShouldBe([CosUploadTaskState.Waiting, CosUploadTaskState.Checking, CosUploadTaskState.Uploading, CosUploadTaskState.Success]);
    }

    /// <summary>A client sending one part at a time whose part 2 never gets an answer: <paramref name="held"/> completes when it is in flight.</summary>
    private static CosClient ClientHoldingPart2(UploadHarness harness, out Task held)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held = reached.Task;
        return harness.TamperingClient(tamper: null, parallel: 1, beforeSend: async (request, token) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal))
            {
                reached.TrySetResult();
                await Task.Delay(Timeout.Infinite, token); // until a pause, cancel or dispose stops it
            }
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition was not met in time");
            await Task.Delay(20);
        }
    }
}
