using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;
using Cos.Generated.Transfer;

namespace Cos.Generated.Pipeline;

/// <summary>
/// One call travelling through the policies: the operation's request, the settings in force for this call (the
/// client's options overridden by <see cref="CosRequestOptions"/>), and what the current try has made and learnt.
/// </summary>
internal abstract class CosMessage
{
    protected CosMessage(CosHttpRequest request, CosEndpoint endpoint, CosClientOptions options, CosRequestOptions? call, CancellationToken cancellationToken)
    {
        Request = request;
        Endpoint = endpoint;
        CancellationToken = cancellationToken;
        Timeout = call?.Timeout ?? options.Timeout;
        StallTimeout = call?.StallTimeout ?? options.StallTimeout;
        MinimumThroughput = options.MinimumThroughput;
        MaxRetries = call?.MaxRetries ?? options.MaxRetries;
        RetryBudget = call?.RetryBudget;
        BodyCounter = call?.BodyCounter;
        if (BodyCounter is null && call?.UploadProgress is { } progress && request.Body is not null)
        {
            BodyCounter = new ProgressThrottle(progress, request.Body.Length, options.ProgressInterval, options.TimeProvider);
            OwnsBodyCounter = true;
        }
    }

    /// <summary>The operation's wire request; the same for every try.</summary>
    public CosHttpRequest Request { get; }

    /// <summary>Where the request goes: the resolved endpoint, or <see cref="BackupEndpoint"/> once the retry policy switched to it.</summary>
    public CosEndpoint Endpoint { get; set; }

    /// <summary>Where <see cref="CosClientOptions.AutoSwitchHost"/> may send a retry; null when it may not switch.</summary>
    public CosEndpoint? BackupEndpoint { get; init; }

    /// <summary>True once the retry policy sent this call to <see cref="BackupEndpoint"/>.</summary>
    public bool OnBackupHost => BackupEndpoint is not null && ReferenceEquals(Endpoint, BackupEndpoint);

    /// <summary>The caller's token: ends the whole call, retries included.</summary>
    public CancellationToken CancellationToken { get; }

    public TimeSpan Timeout { get; }

    public TimeSpan StallTimeout { get; }

    public long MinimumThroughput { get; }

    public int MaxRetries { get; }

    public RetryBudget? RetryBudget { get; }

    /// <summary>Counts the request body's bytes (upload progress); null when nobody listens.</summary>
    public ProgressThrottle? BodyCounter { get; }

    /// <summary>The try under way: 0 for the first, then one more for each retry or clock-skew correction.</summary>
    public int Attempt { get; set; }

    /// <summary>How many retries the retry policy made (not the clock-skew or stale-key re-tries).</summary>
    public int Retries { get; set; }

    /// <summary>This try's message; made and signed by the signing policy.</summary>
    public HttpRequestMessage? HttpRequest { get; set; }

    /// <summary>This try's token: its deadline's (which the caller's cancels too), or the caller's before there is one.</summary>
    public CancellationToken TryToken => Deadline?.Token ?? CancellationToken;

    /// <summary>This try's deadline (connection and response headers), set by the try-timeout policy.</summary>
    public TryDeadline? Deadline { get; set; }

    /// <summary>The keys that signed this try (from the credential provider); null when unsigned or signed by an authorization provider.</summary>
    public CosCredentials? SignedWith { get; set; }

    /// <summary>True once the stale-key policy got this call a fresh key (it does so once).</summary>
    public bool KeyRefreshed { get; set; }

    /// <summary>True once the clock-skew policy re-signed this call with the server's clock (it does so once).</summary>
    public bool SkewCorrected { get; set; }

    /// <summary>True when <see cref="BodyCounter"/> is this call's own (the caller's UploadProgress), flushed when the call ends.</summary>
    public bool OwnsBodyCounter { get; }

    /// <summary>This try's request body as sent (bytes taken, CRC-64), when there is one.</summary>
    public RequestBodyGuard? SentBody { get; set; }

    /// <summary>What this try's response said, for the retry, clock-skew and tracing policies.</summary>
    public ResponseFacts Response { get; } = new();

    /// <summary>Turns the successful response into the operation's result (inside the retry loop).</summary>
    public abstract void Unmarshal(CosResponseContext context);

    /// <summary>Forgets what the last try made and learnt.</summary>
    public void StartTry()
    {
        HttpRequest = null;
        SignedWith = null;
        Deadline = null;
        SentBody = null;
        Response.Reset();
    }
}

/// <summary>A <see cref="CosMessage"/> whose result is a <typeparamref name="T"/>.</summary>
internal sealed class CosMessage<T>(CosHttpRequest request, CosEndpoint endpoint, CosClientOptions options, CosRequestOptions? call, Func<CosResponseContext, T> unmarshal, CancellationToken cancellationToken)
    : CosMessage(request, endpoint, options, call, cancellationToken)
{
    public T? Result { get; private set; }

    public override void Unmarshal(CosResponseContext context) => Result = unmarshal(context);
}
