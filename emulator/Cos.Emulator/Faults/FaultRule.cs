namespace Cos.Emulator.Faults;

/// <summary>
/// A fault to inject into matching requests. Every set criterion must match; then, on every
/// <see cref="EveryNth"/> match and at most <see cref="Times"/> times, the request is delayed by
/// <see cref="Latency"/>, answered with <see cref="Status"/>/<see cref="ErrorCode"/>, cut after
/// <see cref="ResetConnectionAfterBytes"/> body bytes, throttled to <see cref="BandwidthBytesPerSecond"/>,
/// stalled after <see cref="StallResponseAfterBytes"/> response or <see cref="StallRequestAfterBytes"/> request bytes,
/// never answered (<see cref="NeverAnswer"/>), run with its answer lost (<see cref="LoseResponse"/>), preceded by a
/// jump of the server clock (<see cref="ClockJump"/>) or refused because its temporary key expired early
/// (<see cref="ExpireCredentials"/>).
/// </summary>
public sealed class FaultRule
{
    /// <summary>The COS operation name (<c>PutObject</c>, <c>UploadPart</c>, …); null matches all.</summary>
    public string? Operation { get; init; }

    /// <summary>The HTTP method; null matches all.</summary>
    public string? Method { get; init; }

    /// <summary>The bucket (<c>name-appid</c>), compared exactly; null matches all, including service requests.</summary>
    public string? Bucket { get; init; }

    /// <summary>A glob on the key (<c>*</c>, <c>?</c>); null matches all.</summary>
    public string? KeyPattern { get; init; }

    /// <summary>The <c>partNumber</c> query parameter (UploadPart, UploadPartCopy); null matches all.</summary>
    public int? PartNumber { get; init; }

    /// <summary>Fire on every n-th matching request (1 = each).</summary>
    public int EveryNth { get; init; } = 1;

    /// <summary>Fire at most this many times; null = forever.</summary>
    public int? Times { get; init; }

    /// <summary>Answer with this status (with an &lt;Error&gt; body) instead of running the operation.</summary>
    public int? Status { get; init; }

    /// <summary>The error code of <see cref="Status"/> (default <c>InternalError</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The message of <see cref="Status"/>'s error (default: one saying the fault was injected).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Headers added to the fault response (such as <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waits before handling the request.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>
    /// Aborts the connection after this many bytes: of the request body for uploads (PutObject, UploadPart),
    /// of the response body otherwise.
    /// </summary>
    public long? ResetConnectionAfterBytes { get; init; }

    /// <summary>Throttles the request and response bodies to this rate.</summary>
    public long? BandwidthBytesPerSecond { get; init; }

    /// <summary>
    /// Sends the status, headers and this many bytes of the response body, then stops sending (the connection
    /// stays open) until the client gives up: a server or network that stalls mid-body.
    /// </summary>
    public long? StallResponseAfterBytes { get; init; }

    /// <summary>
    /// Reads this many bytes of the request body, then stops reading (the connection stays open) until the client
    /// gives up: a server that stops taking an upload. The client notices only once the connection's buffers are full.
    /// The request ends, deleting what it had written, when the client resets the connection, or closes it with
    /// nothing left to send. A client that closes gracefully while its own buffers still hold unsent body bytes
    /// cannot be seen leaving by a server that reads nothing (its FIN waits behind those bytes): that request is
    /// held until the emulator stops.
    /// </summary>
    public long? StallRequestAfterBytes { get; init; }

    /// <summary>
    /// Reads the whole request body, then sends nothing (no status, no headers) until the client gives up and
    /// disconnects: a server that took the request and never answers. The operation does not run.
    /// </summary>
    public bool NeverAnswer { get; init; }

    /// <summary>
    /// Handles the request as usual (the operation runs, or fails), then drops the connection instead of
    /// answering: the operation took effect but the client never learns its outcome, as when the answer to
    /// InitiateMultipartUpload or CompleteMultipartUpload is lost on the way back.
    /// </summary>
    public bool LoseResponse { get; init; }

    /// <summary>
    /// Jumps the server clock by this much (forward, or back when negative) before the request is handled; the
    /// jump stays. It moves what COS judges by its clock (signature windows, temporary key expiry, the
    /// <c>Date</c> of error answers, Last-Modified), as NTP stepping a server's clock would; the STS keeps
    /// <see cref="CosEmulatorOptions.TimeProvider"/>.
    /// </summary>
    public TimeSpan? ClockJump { get; init; }

    /// <summary>
    /// Makes the temporary key that signed the request expire now, as if its validity ran out early: this request
    /// and every later one signed with that key are refused like any expired key (403 AccessDenied). The client
    /// must get its next key (from its credential provider). Requests signed with a permanent key are unaffected.
    /// </summary>
    public bool ExpireCredentials { get; init; }

    private int _matches;
    private int _fired;

    /// <summary>How many times the rule fired.</summary>
    public int Fired => Volatile.Read(ref _fired);

    internal bool TryFire(string operation, string method, string? bucket, string key, int? partNumber)
    {
        if ((Operation is not null && !string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase))
            || (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            || (Bucket is not null && Bucket != bucket)
            || (KeyPattern is not null && !Wildcard.IsMatch(key, KeyPattern))
            || (PartNumber is not null && PartNumber != partNumber))
        {
            return false;
        }

        var match = Interlocked.Increment(ref _matches);
        if (match % Math.Max(1, EveryNth) != 0)
        {
            return false;
        }

        while (true)
        {
            var fired = Volatile.Read(ref _fired);
            if (Times is { } times && fired >= times)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _fired, fired + 1, fired) == fired)
            {
                return true;
            }
        }
    }
}
