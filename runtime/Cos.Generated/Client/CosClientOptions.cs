using System.Globalization;
using System.Text;
using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;

namespace Cos.Generated;

/// <summary>
/// Settings of a <see cref="CosClient"/>: the JavaScript SDK's constructor options with the same
/// defaults and meaning, in .NET naming, plus retry, timeout and test hooks. Immutable (derive a variant
/// with a <c>with</c> expression); validated by
/// <see cref="Validate"/> when the client is created.
/// </summary>
public sealed record CosClientOptions
{
    /// <summary>1 MiB.</summary>
    private const long MiB = 1024 * 1024;

    /// <summary>The smallest part size COS accepts for multipart uploads and copies (1 MiB).</summary>
    public const long MinChunkSize = MiB;

    /// <summary>The largest part (and single PUT/copy) size COS accepts (5 GiB).</summary>
    public const long MaxChunkSize = 5L * 1024 * MiB;

    /// <summary>The most parallel parts or files (256, the JS SDK's <c>AsyncLimit</c> cap).</summary>
    public const int MaxParallelLimit = 256;

    /// <summary>The most retries <see cref="MaxRetries"/> may ask for.</summary>
    public const int MaxRetriesLimit = 20;

    /// <summary>
    /// The SecretId of a permanent or temporary key (JS <c>SecretId</c>). Set together with
    /// <see cref="SecretKey"/>, or leave both null and set <see cref="CredentialProvider"/> or
    /// <see cref="AuthorizationProvider"/>; with none, requests are sent unsigned (public-read buckets).
    /// </summary>
    public string? SecretId { get; init; }

    /// <summary>The SecretKey (JS <c>SecretKey</c>). Never shown by <see cref="ToString"/>.</summary>
    public string? SecretKey { get; init; }

    /// <summary>
    /// The token of a temporary key (JS <c>SecurityToken</c>), sent as <c>x-cos-security-token</c>
    /// after signing. Never shown by <see cref="ToString"/>.
    /// </summary>
    public string? SecurityToken { get; init; }

    /// <summary>
    /// Supplies credentials for every try, given the request's scope (JS <c>getAuthorization</c> returning
    /// temporary keys, or <c>Credentials</c>): <see cref="TemporaryCredentialProvider"/>,
    /// <see cref="Credentials.HttpTemporaryCredentialProvider"/>, <see cref="RotatingCredentialProvider"/>. When null, a <see cref="StaticCredentialProvider"/> is made from <see cref="SecretId"/>,
    /// <see cref="SecretKey"/> and <see cref="SecurityToken"/>. Cannot be combined with them.
    /// </summary>
    public ICosCredentialProvider? CredentialProvider { get; init; }

    /// <summary>
    /// Gets the <c>Authorization</c> of every request from elsewhere, typically a backend that holds the key
    /// (JS <c>getAuthorization</c> returning <c>{Authorization}</c>; see <see cref="Credentials.HttpAuthorizationProvider"/>).
    /// Cannot be combined with <see cref="SecretId"/>/<see cref="SecretKey"/>/<see cref="SecurityToken"/> or
    /// <see cref="CredentialProvider"/>.
    /// </summary>
    public ICosAuthorizationProvider? AuthorizationProvider { get; init; }

    /// <summary>The region of requests that do not name one (<c>ap-guangzhou</c>); <c>[a-z0-9-]+</c>.</summary>
    public string? Region { get; init; }

    /// <summary>How many files an upload of several files sends at once (JS <c>FileParallelLimit</c>, default 3, 1–256).</summary>
    public int FileParallelLimit { get; init; } = 3;

    /// <summary>How many parts of one multipart upload are sent at once (JS <c>ChunkParallelLimit</c>, default 3, 1–256).</summary>
    public int ChunkParallelLimit { get; init; } = 3;

    /// <summary>
    /// How many times a failed part is retried (JS <c>ChunkRetryTimes</c>, default 2, so 3 attempts; ≥ 0).
    /// </summary>
    public int ChunkRetryTimes { get; init; } = 2;

    /// <summary>The multipart upload part size in bytes (JS <c>ChunkSize</c>, default 1 MiB; 1 MiB–5 GiB).</summary>
    public long ChunkSize { get; init; } = MiB;

    /// <summary>
    /// Files larger than this are uploaded in parts, smaller ones with one PUT (JS <c>SliceSize</c>,
    /// default 1 MiB; 1 byte–5 GiB).
    /// </summary>
    public long SliceSize { get; init; } = MiB;

    /// <summary>How many parts of a multipart copy run at once (JS <c>CopyChunkParallelLimit</c>, default 20, 1–256).</summary>
    public int CopyChunkParallelLimit { get; init; } = 20;

    /// <summary>The multipart copy part size in bytes (JS <c>CopyChunkSize</c>, default 10 MiB; 1 MiB–5 GiB).</summary>
    public long CopyChunkSize { get; init; } = 10 * MiB;

    /// <summary>
    /// Sources larger than this are copied in parts, smaller ones with one PUT Object - Copy
    /// (JS <c>CopySliceSize</c>, default 10 MiB; 1 byte–5 GiB).
    /// </summary>
    public long CopySliceSize { get; init; } = 10 * MiB;

    /// <summary>The least time between two progress reports (JS <c>ProgressInterval</c>, default 1 s; ≥ 0).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>https</c> (the default) or <c>http</c>, with or without a trailing colon (JS <c>Protocol</c>;
    /// the JS default <c>''</c> means <c>https:</c>).
    /// </summary>
    public string Protocol { get; init; } = "https";

    /// <summary>
    /// A custom bucket endpoint template (JS <c>Domain</c>), such as
    /// <c>{Region}.static.example.com/{BucketName}/{AppId}</c>. Placeholders: <c>{Bucket}</c> (the full
    /// <c>name-appid</c>), <c>{BucketName}</c> (the short name), <c>{AppId}</c>, <c>{Region}</c>; the
    /// legacy <c>{{Bucket}}</c> is the short name. Unknown placeholders are removed, a trailing
    /// <c>/</c> is trimmed and the protocol is added unless the template has one.
    /// </summary>
    public string? Domain { get; init; }

    /// <summary>
    /// The endpoint of service-level requests such as GetService (JS <c>ServiceDomain</c>). Default:
    /// <c>cos.{Region}.myqcloud.com</c> when the request names a region, else <c>service.cos.myqcloud.com</c>.
    /// </summary>
    public string? ServiceDomain { get; init; }

    /// <summary>The most tasks the upload queue keeps before pruning finished ones (JS <c>UploadQueueSize</c>, default 10000; ≥ 1).</summary>
    public int UploadQueueSize { get; init; } = 10000;

    /// <summary>
    /// Puts the bucket in the URL path instead of the host: <c>{scheme}://cos.{Region}.myqcloud.com/{Bucket}/{Key}</c>,
    /// and signs the pathname <c>/{Bucket}/{Key}</c> (JS <c>ForcePathStyle</c>, default false; the JS SDKs
    /// now reject it, COS supports it only for old buckets).
    /// </summary>
    public bool ForcePathStyle { get; init; }

    /// <summary>Sends <c>Content-MD5</c> with every uploaded part (JS <c>UploadCheckContentMd5</c>, default false).</summary>
    public bool UploadCheckContentMd5 { get; init; }

    /// <summary>
    /// Gives every object the transfer engine uploads the user metadata <c>x-cos-meta-md5</c>: the lower-case hex MD5 of
    /// the whole body (JS <c>UploadAddMetaMd5</c>, default false), sent with the single PutObject or with
    /// InitiateMultipartUpload — which means a multipart upload reads the file (or seekable stream) once more to hash it
    /// before it starts (reported to <see cref="Transfer.CosUploadOptions.HashProgress"/>). A stream that cannot seek and
    /// is larger than <see cref="SliceSize"/> cannot be hashed first and is refused with <see cref="NotSupportedException"/>.
    /// With it, an interrupted upload is resumed only from its local checkpoint (an upload found by listing may have been
    /// started for other content). The operation methods (<c>PutObjectAsync</c>, ...) are not affected.
    /// </summary>
    public bool UploadAddMetaMd5 { get; init; }

    /// <summary>
    /// Follows redirects of GET and HEAD requests (JS <c>FollowRedirect</c>, default false): a 301, 302, 303, 307 or 308
    /// with a <c>Location</c> is followed, at most 3 times per try, with the same method and headers, except that the
    /// <c>Authorization</c> and security token are sent only to the same scheme, host and port (a signature names its
    /// host, and a key must not leak to another one); https is never followed to http. Other methods, and redirects
    /// past the limit, surface as a <see cref="CosException"/> with the 3xx <see cref="CosException.StatusCode"/>, as
    /// every redirect does without this option.
    /// </summary>
    public bool FollowRedirect { get; init; }

    /// <summary>
    /// Retries a request to the default bucket host <c>{Bucket}.cos.{Region}.myqcloud.com</c> on the backup domain
    /// <c>{Bucket}.cos.{Region}.tencentcos.cn</c> (JS <c>AutoSwitchHost</c>, default true), as the Node SDK does: when a
    /// try fails without reaching COS (a broken connection, a timeout or stall) or with a 5xx that carries no
    /// <c>x-cos-request-id</c> (an answer from something in between, not from COS), and the operation may be retried,
    /// the last retry (the one <see cref="MaxRetries"/> allows last) goes to the backup host, signed anew for it. A
    /// 301/302/307 without a request id is retried on the backup host at once. Only for the default, non-accelerated
    /// host, when the client signs requests itself or sends them unsigned (not with <see cref="AuthorizationProvider"/>,
    /// whose signatures cover the original host), and not with <see cref="Domain"/>, <see cref="ForcePathStyle"/> or
    /// <see cref="ConnectTo"/> (which pins where every host name connects, such as an emulator).
    /// </summary>
    public bool AutoSwitchHost { get; init; } = true;

    /// <summary>The default <see cref="Timeout"/>: HttpClient's 100 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The longest wait, per try, for COS to answer: for the connection and the response headers (from the start of a
    /// try without a body, from the last byte of the request body otherwise) and, for buffered (XML) responses, for
    /// their whole body (default 100 s, HttpClient's; the JS SDK's <c>Timeout</c> defaults to 0, no limit). Sending a
    /// request body and reading a streamed one are bounded by <see cref="StallTimeout"/> and
    /// <see cref="MinimumThroughput"/> instead, so a large upload is never cut by this limit. Positive or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>; <see cref="StallTimeout"/> bounds the wait for headers
    /// too. Exceeding it throws <see cref="TimeoutException"/>, retried where the operation allows it.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// The longest anything may go without moving (default 60 s; positive or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>; the JS SDK has no such limit): the wait for response
    /// headers after the request was sent, a response body being read that receives nothing, or a request body the
    /// server stops taking. Only time spent waiting inside a read or write counts, so a slow reader is never taken for
    /// a stall. A stall closes the connection and throws <see cref="CosStallTimeoutException"/> (a
    /// <see cref="TimeoutException"/>; a header wait throws <see cref="TimeoutException"/>), which is retried like a
    /// broken connection: by the pipeline for retryable operations, by uploads per part, and by
    /// <c>DownloadFileAsync</c>/<c>DownloadAsync</c> per part from the last byte received.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The slowest a body may move, in bytes per second averaged over each <see cref="StallTimeout"/> (default 1 KiB/s;
    /// 0 turns it off): a request or response body that moves fewer bytes than this over a whole
    /// <see cref="StallTimeout"/> is stalled too (a server dripping a byte a second). Needs a finite <see cref="StallTimeout"/>.
    /// </summary>
    public long MinimumThroughput { get; init; } = 1024;

    /// <summary>Sends bucket requests to the global acceleration endpoint <c>{Bucket}.cos.accelerate.myqcloud.com</c> (JS <c>UseAccelerate</c>, default false).</summary>
    public bool UseAccelerate { get; init; }

    /// <summary>
    /// Adds detail to the <see cref="System.Diagnostics.Activity"/> emitted per operation through the
    /// <see cref="System.Diagnostics.ActivitySource"/> named <c>Cos.Generated</c>: the request's <c>url.path</c>, which holds
    /// the object key (JS <c>EnableTracker</c>, default false). The activities themselves are emitted whenever the source
    /// has a listener, with or without it (docs/observability.md).
    /// </summary>
    public bool EnableTracker { get; init; }

    /// <summary>
    /// Where the client logs (category <c>Cos.Generated</c>): requests at Debug, retries at Information, clock-skew
    /// corrections at Warning, transfer milestones at Information; never a secret (docs/observability.md). Default null:
    /// no logging. Not bound from configuration and not part of <see cref="ToString"/>.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Makes the client's <c>Cos.Generated</c> meter (dependency injection's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>,
    /// which owns and disposes it). Default null: the process's static <c>Cos.Generated</c> meter, shared by every client.
    /// Not bound from configuration and not part of <see cref="ToString"/>.
    /// </summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; init; }

    /// <summary>How long a request signature or presigned URL is valid (JS <c>Expires</c> of getAuth, default 900 s; positive).</summary>
    public TimeSpan SignatureExpires { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>
    /// On a 403 <c>RequestTimeTooSkewed</c> (or <c>AccessDenied</c> "Request has expired"), adopt the
    /// server's clock from its <c>Date</c> header and retry once (JS <c>CorrectClockSkew</c>, default true).
    /// </summary>
    public bool CorrectClockSkew { get; init; } = true;

    /// <summary>
    /// How many times a failed request is retried when its operation allows it (default 3, so up to
    /// 4 attempts like the official SDKs; 0–20).
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The base of the exponential backoff between retries (default 100 ms; ≥ 0): try n waits a random time up to <c>RetryDelay·2ⁿ</c>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two tries, also the cap on a server's <c>Retry-After</c> (default 5 s; ≥ <see cref="RetryDelay"/>).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to this address (<c>host</c>, <c>host:port</c> or <c>[ipv6]:port</c>) while the URL and
    /// <c>Host</c> header keep the virtual-hosted name (JS <c>Ip</c>). Without a port the URL's port is used.
    /// Cannot be combined with an injected <see cref="HttpClient"/>.
    /// </summary>
    public string? ConnectTo { get; init; }

    /// <summary>The clock used to sign and to time retries (default <see cref="System.TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The <c>User-Agent</c> header; default <c>cos-generated-dotnet/&lt;version&gt;</c>. Never signed.</summary>
    public string? UserAgent { get; init; }

    /// <summary><c>http</c> or <c>https</c>, from <see cref="Protocol"/>.</summary>
    internal string Scheme => NormalizeProtocol(Protocol) ?? "https";

    /// <summary>
    /// Checks every option; throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/>
    /// naming the option and the rule it breaks.
    /// </summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(SecretId) != string.IsNullOrEmpty(SecretKey))
        {
            throw new ArgumentException("SecretId and SecretKey must be set together (or both left empty).", string.IsNullOrEmpty(SecretId) ? nameof(SecretId) : nameof(SecretKey));
        }

        if (CredentialProvider is not null && (!string.IsNullOrEmpty(SecretId) || !string.IsNullOrEmpty(SecurityToken)))
        {
            throw new ArgumentException("Set either CredentialProvider or SecretId/SecretKey/SecurityToken, not both.", nameof(CredentialProvider));
        }

        if (AuthorizationProvider is not null && (CredentialProvider is not null || !string.IsNullOrEmpty(SecretId) || !string.IsNullOrEmpty(SecurityToken)))
        {
            throw new ArgumentException("AuthorizationProvider signs every request itself: do not also set SecretId/SecretKey/SecurityToken or CredentialProvider.", nameof(AuthorizationProvider));
        }

        if (!string.IsNullOrEmpty(SecurityToken) && string.IsNullOrEmpty(SecretId))
        {
            throw new ArgumentException("SecurityToken needs the temporary SecretId and SecretKey it belongs to.", nameof(SecurityToken));
        }

        if (Region is not null && !CosNames.IsValidRegion(Region))
        {
            throw new ArgumentException($"Region '{Region}' is not a COS region: use lower-case letters, digits and '-' only, such as 'ap-guangzhou'.", nameof(Region));
        }

        CheckRange(FileParallelLimit, 1, MaxParallelLimit, nameof(FileParallelLimit));
        CheckRange(ChunkParallelLimit, 1, MaxParallelLimit, nameof(ChunkParallelLimit));
        CheckRange(CopyChunkParallelLimit, 1, MaxParallelLimit, nameof(CopyChunkParallelLimit));
        CheckRange(ChunkRetryTimes, 0, int.MaxValue, nameof(ChunkRetryTimes));
        CheckRange(ChunkSize, MinChunkSize, MaxChunkSize, nameof(ChunkSize));
        CheckRange(CopyChunkSize, MinChunkSize, MaxChunkSize, nameof(CopyChunkSize));
        CheckRange(SliceSize, 1, MaxChunkSize, nameof(SliceSize));
        CheckRange(CopySliceSize, 1, MaxChunkSize, nameof(CopySliceSize));
        CheckRange(UploadQueueSize, 1, int.MaxValue, nameof(UploadQueueSize));
        CheckRange(MaxRetries, 0, MaxRetriesLimit, nameof(MaxRetries));

        if (ProgressInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ProgressInterval), ProgressInterval, "ProgressInterval cannot be negative.");
        }

        if (NormalizeProtocol(Protocol) is null)
        {
            throw new ArgumentException($"Protocol '{Protocol}' is not supported: use 'https' or 'http' (a trailing ':' is allowed).", nameof(Protocol));
        }

        CheckDomain(Domain, nameof(Domain));
        CheckDomain(ServiceDomain, nameof(ServiceDomain));

        CheckTimeout(Timeout, nameof(Timeout));
        CheckTimeout(StallTimeout, nameof(StallTimeout));
        CheckRange(MinimumThroughput, 0, long.MaxValue, nameof(MinimumThroughput));

        if (SignatureExpires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SignatureExpires), SignatureExpires, "SignatureExpires must be positive.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "RetryDelay cannot be negative.");
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "MaxRetryDelay must be at least RetryDelay (and at most about 24.8 days).");
        }

        if (ConnectTo is not null && !ConnectAddress.TryParse(ConnectTo, out _))
        {
            throw new ArgumentException($"ConnectTo '{ConnectTo}' is not an address: use 'host', 'host:port' or '[ipv6]:port' with a port from 1 to 65535.", nameof(ConnectTo));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider cannot be null.", nameof(TimeProvider));
        }

        if (UserAgent is not null && (UserAgent.Length == 0 || UserAgent.Any(static c => c < 0x20 || c > 0x7E)))
        {
            throw new ArgumentException("UserAgent must be non-empty printable ASCII.", nameof(UserAgent));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is null, positive (at most about 24.8 days) or infinite.</summary>
    internal static void CheckTimeout(TimeSpan? value, string name)
    {
        if (value is { } time && time != System.Threading.Timeout.InfiniteTimeSpan && (time <= TimeSpan.Zero || time.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, time, $"{name} must be positive (at most about 24.8 days) or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>Lists the options; the SecretKey and SecurityToken are redacted.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("CosClientOptions { ");
        Append("SecretId", SecretId);
        Append("SecretKey", SecretKey is null ? null : "***");
        Append("SecurityToken", SecurityToken is null ? null : "***");
        Append("CredentialProvider", CredentialProvider?.GetType().Name);
        Append("AuthorizationProvider", AuthorizationProvider?.GetType().Name);
        Append("Region", Region);
        Append("Protocol", Protocol);
        Append("Domain", Domain);
        Append("ServiceDomain", ServiceDomain);
        Append("ForcePathStyle", ForcePathStyle ? "true" : null);
        Append("UseAccelerate", UseAccelerate ? "true" : null);
        Append("ConnectTo", ConnectTo);
        Append("FileParallelLimit", Format(FileParallelLimit));
        Append("ChunkParallelLimit", Format(ChunkParallelLimit));
        Append("ChunkRetryTimes", Format(ChunkRetryTimes));
        Append("ChunkSize", Format(ChunkSize));
        Append("SliceSize", Format(SliceSize));
        Append("CopyChunkParallelLimit", Format(CopyChunkParallelLimit));
        Append("CopyChunkSize", Format(CopyChunkSize));
        Append("CopySliceSize", Format(CopySliceSize));
        Append("ProgressInterval", Format(ProgressInterval));
        Append("UploadQueueSize", Format(UploadQueueSize));
        Append("UploadCheckContentMd5", UploadCheckContentMd5 ? "true" : "false");
        Append("UploadAddMetaMd5", UploadAddMetaMd5 ? "true" : "false");
        Append("FollowRedirect", FollowRedirect ? "true" : "false");
        Append("AutoSwitchHost", AutoSwitchHost ? "true" : "false");
        Append("Timeout", Timeout == System.Threading.Timeout.InfiniteTimeSpan ? "infinite" : Format(Timeout));
        Append("StallTimeout", StallTimeout == System.Threading.Timeout.InfiniteTimeSpan ? "infinite" : Format(StallTimeout));
        Append("MinimumThroughput", Format(MinimumThroughput));
        Append("SignatureExpires", Format(SignatureExpires));
        Append("CorrectClockSkew", CorrectClockSkew ? "true" : "false");
        Append("MaxRetries", Format(MaxRetries));
        Append("RetryDelay", Format(RetryDelay));
        Append("MaxRetryDelay", Format(MaxRetryDelay));
        Append("EnableTracker", EnableTracker ? "true" : "false");
        Append("UserAgent", UserAgent);
        text.Length -= 2;
        return text.Append(" }").ToString();

        void Append(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(name).Append(" = ").Append(value).Append(", ");
            }
        }

        static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
    }

    /// <summary>Returns <c>http</c> or <c>https</c>, or null for anything else.</summary>
    internal static string? NormalizeProtocol(string? protocol)
    {
        var value = protocol?.Trim().TrimEnd(':').ToLowerInvariant();
        return value is "http" or "https" ? value : null;
    }

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            var rule = max == int.MaxValue || max == long.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}.");
        }
    }

    internal static void CheckDomain(string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"{name} must be a non-empty host name or template without white space.", name);
        }
    }
}
