namespace Cos.Generated.Credentials;

/// <summary>
/// Caches temporary (STS) keys from a fetch callback, as the JavaScript SDK does with the keys its
/// <c>getAuthorization</c> returns: a key is reused until <see cref="RefreshBefore"/> (60 s) before its
/// <c>ExpiredTime</c>, then fetched again. Concurrent requests that need a new key wait for one fetch
/// (single flight); a failed fetch is not cached, so the next request fetches again. With
/// <c>scopeLimit</c> keys are cached per <see cref="CosCredentialScope"/> (JS <c>ScopeLimit: true</c>).
/// </summary>
public sealed class TemporaryCredentialProvider : ICosCredentialProvider
{
    /// <summary>How long before its expiry a cached key is replaced: 60 s, as in the JavaScript SDK.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(60);

    /// <summary>Above this many cached scopes, expired ones are dropped when another is added.</summary>
    private const int PruneThreshold = 64;

    /// <summary>The cache key of every request when keys are not scope-limited.</summary>
    private static readonly CosCredentialScope AnyScope = new(string.Empty, string.Empty, string.Empty, string.Empty);

    private readonly Func<CosCredentialScope, CancellationToken, ValueTask<CosCredentials>> _fetch;
    private readonly bool _scopeLimit;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<CosCredentialScope, Entry> _cache = [];

    /// <summary>Creates a caching provider.</summary>
    /// <param name="fetch">
    /// Fetches a temporary key for a scope (from an STS backend). The key must have an
    /// <see cref="CosCredentials.ExpiredTime"/>; its <see cref="CosCredentials.StartTime"/>, when given,
    /// starts the signatures' key time, so a wrong local clock does not matter. The token passed is
    /// <see cref="CancellationToken.None"/>: a fetch serves every waiting request, so give it a timeout of its own.
    /// </param>
    /// <param name="scopeLimit">True when the backend mints keys limited to the scope it is given: cache one key per scope.</param>
    /// <param name="timeProvider">The clock expiry is judged by; default <see cref="TimeProvider.System"/>.</param>
    public TemporaryCredentialProvider(Func<CosCredentialScope, CancellationToken, ValueTask<CosCredentials>> fetch, bool scopeLimit = false, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
        _scopeLimit = scopeLimit;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>True when keys are cached per scope.</summary>
    public bool ScopeLimit => _scopeLimit;

    /// <inheritdoc />
    /// <exception cref="CosCredentialsException">The fetch failed or returned unusable credentials.</exception>
    public async ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = _scopeLimit ? scope : AnyScope;
        TaskCompletionSource<CosCredentials>? leader = null;
        Task<CosCredentials> pending;
        Entry entry;
        lock (_cache)
        {
            if (!_cache.TryGetValue(key, out entry!))
            {
                PruneExpired();
                entry = new Entry();
                _cache.Add(key, entry);
            }

            if (entry.Current is { } current && IsFresh(current))
            {
                return current;
            }

            if (entry.Pending is null)
            {
                leader = new TaskCompletionSource<CosCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Pending = leader.Task;
            }

            pending = entry.Pending;
        }

        if (leader is not null)
        {
            // Outside the lock, and not awaited: the fetch serves every waiter, each of which may cancel its own wait.
            _ = RefreshAsync(entry, scope, leader);
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops <paramref name="credentials"/> from the cache wherever it is still the current key, so the next request fetches a new one.</summary>
    public void Invalidate(CosCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        lock (_cache)
        {
            foreach (var entry in _cache.Values)
            {
                if (ReferenceEquals(entry.Current, credentials) || entry.Current?.SecretId == credentials.SecretId)
                {
                    entry.Current = null;
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"TemporaryCredentialProvider {{ ScopeLimit = {_scopeLimit} }}";

    /// <summary>Fetches, caches and completes <paramref name="leader"/>; never throws.</summary>
    private async Task RefreshAsync(Entry entry, CosCredentialScope scope, TaskCompletionSource<CosCredentials> leader)
    {
        CosCredentials credentials;
        try
        {
            credentials = await _fetch(scope, CancellationToken.None).ConfigureAwait(false)
                ?? throw new CosCredentialsException($"The temporary-key callback returned no credentials for {scope.Action}.");
            if (credentials.ExpiredTime is null)
            {
                throw new CosCredentialsException($"The temporary key fetched for {scope.Action} has no ExpiredTime, so it cannot be cached or refreshed.");
            }
        }
        catch (Exception ex)
        {
            lock (_cache)
            {
                entry.Pending = null;
            }

            leader.SetException(ex as CosCredentialsException
                ?? new CosCredentialsException($"Fetching a temporary key for {scope.Action} failed: {ex.GetType().Name}.", ex));
            return;
        }

        lock (_cache)
        {
            entry.Current = credentials;
            entry.Pending = null;
        }

        leader.SetResult(credentials);
    }

    private bool IsFresh(CosCredentials credentials) =>
        credentials.ExpiredTime is { } expired && expired - _timeProvider.GetUtcNow() > RefreshBefore;

    private void PruneExpired()
    {
        if (_cache.Count < PruneThreshold)
        {
            return;
        }

        foreach (var (scope, entry) in _cache)
        {
            if (entry.Pending is null && (entry.Current is null || !IsFresh(entry.Current)))
            {
                _cache.Remove(scope);
            }
        }
    }

    /// <summary>The cached key of one scope and the fetch in flight, if any; guarded by the cache lock.</summary>
    private sealed class Entry
    {
        public CosCredentials? Current { get; set; }

        public Task<CosCredentials>? Pending { get; set; }
    }
}
