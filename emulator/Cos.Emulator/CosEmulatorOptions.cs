
namespace Cos.Emulator;

/// <summary>A permanent key pair the emulator accepts.</summary>
/// <param name="SecretId">The SecretId named by <c>q-ak</c>.</param>
/// <param name="SecretKey">The key the signature is computed with.</param>
public sealed record EmulatorKey(string SecretId, string SecretKey);

/// <summary>A temporary (STS) key: requests must carry <c>x-cos-security-token</c> equal to <see cref="SecurityToken"/>.</summary>
/// <param name="TmpSecretId">The SecretId named by <c>q-ak</c>.</param>
/// <param name="TmpSecretKey">The key the signature is computed with.</param>
/// <param name="SecurityToken">The token every request signed with this key must carry.</param>
/// <param name="ExpiredTime">From this instant on the emulator's clock, requests signed with the key are refused (403 AccessDenied).</param>
public sealed record TemporaryKey(string TmpSecretId, string TmpSecretKey, string SecurityToken, DateTimeOffset ExpiredTime);

/// <summary>A bucket that exists when the emulator starts.</summary>
/// <param name="Name">The bucket name, <c>{name}-{appid}</c>.</param>
/// <param name="Region">The region the bucket reports (<c>x-cos-bucket-region</c>, GET Service).</param>
public sealed record EmulatorBucket(string Name, string Region = "ap-guangzhou");

/// <summary>Settings of a <see cref="CosEmulator"/>.</summary>
public sealed class CosEmulatorOptions
{
    /// <summary>The default permanent SecretId.</summary>
    public const string DefaultSecretId = "AKIDEMULATOR0000000000000000000000000";

    /// <summary>The default permanent SecretKey.</summary>
    public const string DefaultSecretKey = "emulator-secret-key";

    /// <summary>The TCP port on <see cref="BindAddress"/>; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The address to listen on (127.0.0.1).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The permanent SecretId (<see cref="DefaultSecretId"/> unless set).</summary>
    public string SecretId { get; init; } = DefaultSecretId;

    /// <summary>The SecretKey of <see cref="SecretId"/> (<see cref="DefaultSecretKey"/> unless set).</summary>
    public string SecretKey { get; init; } = DefaultSecretKey;

    /// <summary>More permanent keys.</summary>
    public IReadOnlyList<EmulatorKey> AdditionalKeys { get; init; } = [];

    /// <summary>Temporary keys with their tokens and expiry; not limited by any policy.</summary>
    public IReadOnlyList<TemporaryKey> TemporaryKeys { get; init; } = [];

    /// <summary>
    /// The host of the emulated STS (GetFederationToken, TC3-signed with a permanent key); requests naming an
    /// <c>X-TC-Action</c> reach it on any host. The keys it issues are limited by their policy. Null: only by X-TC-Action.
    /// </summary>
    public string? StsHost { get; init; } = "sts.tencentcloudapi.com";

    /// <summary>Where to keep buckets and objects; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Keeps only sizes, ETags and CRC-64 of bodies (benchmarks); reads return zero bytes of the stored length.
    /// MD5 is computed only for requests with Content-MD5; other ETags are derived from the CRC-64 and length.
    /// </summary>
    public bool DiscardBodies { get; init; }

    /// <summary>
    /// The domain suffixes of accepted hosts. <c>localhost</c> makes <c>{bucket}.cos.{region}.localhost:{port}</c> a
    /// bucket's host: curl and browsers resolve every <c>*.localhost</c> name to this machine (RFC 6761), so a
    /// presigned URL of the emulator works as it is (what <c>cos presign</c> against the emulator prints).
    /// </summary>
    public IReadOnlyList<string> HostSuffixes { get; init; } = ["myqcloud.com", "tencentcos.cn", "localhost"];

    /// <summary>Buckets created at start (skipped when they already exist in <see cref="DataDirectory"/>).</summary>
    public IReadOnlyList<EmulatorBucket> Buckets { get; init; } = [];


    /// <summary>The server clock: signature windows, Last-Modified, temporary key expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How far in the future a signature may start, and how far from now a header signature may start.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The APPID-like owner id shown in listings.</summary>
    public string OwnerId { get; init; } = "100000000001";

    /// <summary>
    /// The smallest size of every part but the last that CompleteMultipartUpload accepts (1 MiB, as COS).
    /// Tests lower it to exercise 10,000-part plans without gigabytes of data.
    /// </summary>
    public long MinPartSize { get; init; } = 1024 * 1024;

    /// <summary>
    /// How long a PostObjectRestore of an ARCHIVE or DEEP_ARCHIVE object takes on the emulator's clock (instant by
    /// default); while it runs, HEAD shows <c>ongoing-request="true"</c>, GET answers InvalidObjectState and a repeat
    /// answers 409 RestoreAlreadyInProgress.
    /// </summary>
    public TimeSpan RestoreDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Benchmarks only (off by default): accepts every request without checking its signature, so clients that
    /// sign another way (AWSSDK.S3's SigV4) or not at all can be measured against the same server.
    /// </summary>
    public bool SkipAuthentication { get; init; }

    /// <summary>
    /// Gives Kestrel 256 KiB memory blocks instead of its 4 KiB ones, so large uploads take far fewer socket reads
    /// (on by default); false keeps the socket transport's own pool (4 KiB buffers from the shared array pool).
    /// </summary>
    public bool LargeMemoryPool { get; init; } = true;

    /// <summary>How many of the latest requests <see cref="CosEmulator.RequestLog"/> keeps (default 10,000; 0 turns the log off).</summary>
    public int RequestLogCapacity { get; init; } = 10_000;
}
