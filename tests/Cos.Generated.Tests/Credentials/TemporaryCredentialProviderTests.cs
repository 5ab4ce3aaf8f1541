using Cos.Generated.Credentials;

namespace Cos.Generated.Tests.Credentials;

public class TemporaryCredentialProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly CosCredentialScope PutA = new("name/cos:PutObject", "examplebucket-1250000000", "ap-guangzhou", "a.txt");
    private static readonly CosCredentialScope PutB = new("name/cos:PutObject", "examplebucket-1250000000", "ap-guangzhou", "b.txt");

    /// <summary>A fetch that counts its calls and mints key n valid for <paramref name="lifetime"/> from the clock's now.</summary>
    private sealed class CountingFetch(ManualClock clock, TimeSpan lifetime)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public List<CosCredentialScope> Scopes { get; } = [];

        public ValueTask<CosCredentials> FetchAsync(CosCredentialScope scope, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            lock (Scopes)
            {
                Scopes.Add(scope);
            }

            var now = clock.GetUtcNow();
            return ValueTask.FromResult(new CosCredentials($"AKIDTMP{n}", $"tmpkey{n}", $"token{n}", now, now + lifetime));
        }
    }

    [Fact]
    public async Task A_key_is_reused_until_60_seconds_before_it_expires_then_fetched_again()
    {
        var clock = new ManualClock(Start);
        var fetch = new CountingFetch(clock, TimeSpan.FromMinutes(30));
        var provider = new TemporaryCredentialProvider(fetch.FetchAsync, timeProvider: clock);

        var first = await provider.GetCredentialsAsync(PutA, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(61));
        var beforeWindow = await provider.GetCredentialsAsync(PutA, CancellationToken.None);
        fetch.Calls.ShouldBe(1);

        clock.Advance(TimeSpan.FromSeconds(2)); // 59 s left: inside the refresh window.
        var refreshed = await provider.GetCredentialsAsync(PutA, CancellationToken.None);

        beforeWindow.ShouldBeSameAs(first);
        refreshed.SecretId.ShouldBe("AKIDTMP2");
        fetch.Calls.ShouldBe(2);
        (await provider.GetCredentialsAsync(PutA, CancellationToken.None)).ShouldBeSameAs(refreshed);
        fetch.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task One_hundred_concurrent_requests_during_a_refresh_wait_for_a_single_fetch()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var provider = new TemporaryCredentialProvider(async (scope, _) =>
        {
            Interlocked.Increment(ref calls);
            await gate.Task;
            return new CosCredentials("AKIDTMP", "tmpkey", "token", Start, Start.AddHours(1));
        }, timeProvider: new ManualClock(Start));

        // 100 requests from pool threads; each has asked (and is waiting) once its Task.Run has returned.
        var waiters = (await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => new[] { provider.GetCredentialsAsync(i % 2 == 0 ? PutA : PutB, CancellationToken.None).AsTask() }))))
            .SelectMany(w => w)
            .ToArray();

        waiters.ShouldAllBe(w => !w.IsCompleted);
        gate.SetResult();
        var results = await Task.WhenAll(waiters);

        calls.ShouldBe(1);
        results.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task With_ScopeLimit_keys_are_cached_per_scope()
    {
        var clock = new ManualClock(Start);
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1));
        var provider = new TemporaryCredentialProvider(fetch.FetchAsync, scopeLimit: true, timeProvider: clock);

        var a = await provider.GetCredentialsAsync(PutA, CancellationToken.None);
        var aAgain = await provider.GetCredentialsAsync(PutA with { }, CancellationToken.None);
        var b = await provider.GetCredentialsAsync(PutB, CancellationToken.None);
        var getA = await provider.GetCredentialsAsync(PutA with { Action = "name/cos:GetObject" }, CancellationToken.None);

        aAgain.ShouldBeSameAs(a);
        b.SecretId.ShouldNotBe(a.SecretId);
        getA.SecretId.ShouldNotBe(a.SecretId);
        fetch.Scopes.ShouldBe([PutA, PutB, PutA with { Action = "name/cos:GetObject" }]);
    }

    [Fact]
    public async Task Without_ScopeLimit_one_key_serves_every_scope()
    {
        var clock = new ManualClock(Start);
        var fetch = new CountingFetch(clock, TimeSpan.FromHours(1));
        var provider = new TemporaryCredentialProvider(fetch.FetchAsync, timeProvider: clock);

        var a = await provider.GetCredentialsAsync(PutA, CancellationToken.None);
        var b = await provider.GetCredentialsAsync(PutB, CancellationToken.None);

        b.ShouldBeSameAs(a);
        fetch.Scopes.ShouldBe([PutA]);
    }

    [Fact]
    public async Task A_failed_fetch_fails_every_waiting_request_and_is_not_cached()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var provider = new TemporaryCredentialProvider(async (scope, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await gate.Task;
                throw new HttpRequestException("sts backend down");
            }

            return new CosCredentials("AKIDTMP", "tmpkey", "token", Start, Start.AddHours(1));
        }, timeProvider: new ManualClock(Start));

        var waiters = Enumerable.Range(0, 3).Select(_ => provider.GetCredentialsAsync(PutA, CancellationToken.None).AsTask()).ToArray();
        gate.SetResult();

        foreach (var waiter in waiters)
        {
            var error = await Should.ThrowAsync<CosCredentialsException>(waiter);
            error.InnerException.ShouldBeOfType<HttpRequestException>();
            error.Message.ShouldContain("name/cos:PutObject");
        }

        calls.ShouldBe(1);
        (await provider.GetCredentialsAsync(PutA, CancellationToken.None)).SecretId.ShouldBe("AKIDTMP");
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_without_ExpiredTime_is_refused()
    {
        var provider = new TemporaryCredentialProvider((_, _) => ValueTask.FromResult(new CosCredentials("AKIDTMP", "tmpkey", "token")));

        var error = await Should.ThrowAsync<CosCredentialsException>(provider.GetCredentialsAsync(PutA, CancellationToken.None).AsTask());

        error.Message.ShouldContain("ExpiredTime");
        error.Message.ShouldNotContain("tmpkey");
    }

    [Fact]
    public async Task A_canceled_waiter_does_not_cancel_the_fetch_the_others_wait_for()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new TemporaryCredentialProvider(async (_, token) =>
        {
            await gate.Task;
            token.IsCancellationRequested.ShouldBeFalse();
            return new CosCredentials("AKIDTMP", "tmpkey", "token", Start, Start.AddHours(1));
        }, timeProvider: new ManualClock(Start));
        using var cancel = new CancellationTokenSource();

        var canceled = provider.GetCredentialsAsync(PutA, cancel.Token).AsTask();
        var patient = provider.GetCredentialsAsync(PutA, CancellationToken.None).AsTask();
        cancel.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(canceled);
        gate.SetResult();

        (await patient).SecretId.ShouldBe("AKIDTMP");
    }
}
