using System.Security.Cryptography;
using System.Text;

namespace Cos.Generated.Transfer;

/// <summary>What an upload does with its multipart upload when it fails or is canceled.</summary>
public enum CosUploadFailureAction
{
    /// <summary>Keep the multipart upload and the checkpoint so a later call resumes it (the default, as the official SDKs do).</summary>
    Keep,

    /// <summary>Abort the multipart upload so no parts are left on the server.</summary>
    Abort,
}

/// <summary>Per-call options of <see cref="CosClient.UploadFileAsync"/> and <see cref="CosClient.UploadAsync"/>.</summary>
public sealed class CosUploadOptions
{
    /// <summary>The bucket's region; null uses <see cref="CosClientOptions.Region"/>.</summary>
    public string? Region { get; init; }

    /// <summary>The object's Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The object's Cache-Control, stored with it and returned on downloads.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The object's Content-Disposition, stored with it and returned on downloads.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>User metadata, sent as <c>x-cos-meta-*</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The storage class of the object.</summary>
    public StorageClass? StorageClass { get; init; }

    /// <summary>The object's canned ACL (<c>x-cos-acl</c>); null inherits the bucket's.</summary>
    public ObjectAcl? Acl { get; init; }

    /// <summary>Grants read permission (<c>x-cos-grant-read</c>), as <c>id="&lt;uin&gt;"</c> entries separated by commas.</summary>
    public string? GrantRead { get; init; }

    /// <summary>Grants permission to read the object's ACL (<c>x-cos-grant-read-acp</c>), as <c>id="&lt;uin&gt;"</c> entries.</summary>
    public string? GrantReadAcp { get; init; }

    /// <summary>Grants permission to change the object's ACL (<c>x-cos-grant-write-acp</c>), as <c>id="&lt;uin&gt;"</c> entries.</summary>
    public string? GrantWriteAcp { get; init; }

    /// <summary>Grants full control of the object (<c>x-cos-grant-full-control</c>), as <c>id="&lt;uin&gt;"</c> entries.</summary>
    public string? GrantFullControl { get; init; }

    /// <summary>
    /// The object's tags (<c>x-cos-tagging</c>, keys and values URL-encoded by the SDK). COS allows at most 10 tags,
    /// keys of 1 to 128 characters and values of at most 256; others throw <see cref="ArgumentException"/> before
    /// anything is sent.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>
    /// How COS encrypts the object: <see cref="CosServerSideEncryption.SseCos"/>, <see cref="CosServerSideEncryption.SseKms"/>
    /// or <see cref="CosServerSideEncryption.SseC"/> (whose key goes with every part, also when an upload is resumed,
    /// and must be given again to read the object). Null: the bucket's default encryption, if any.
    /// </summary>
    public CosServerSideEncryption? ServerSideEncryption { get; init; }

    /// <summary>
    /// Bandwidth limit of each request that sends data (the PUT, every part), in bit/s: 819200 (100 KB/s) to 838860800
    /// (100 MB/s), sent as <c>x-cos-traffic-limit</c>. Parts in flight at once are limited each. Null: no limit.
    /// </summary>
    public long? TrafficLimit { get; init; }

    /// <summary>The starting part size; null uses <see cref="CosClientOptions.ChunkSize"/>. Grown so no upload needs more than 10,000 parts.</summary>
    public long? PartSize { get; init; }

    /// <summary>Parts in flight at once; null uses <see cref="CosClientOptions.ChunkParallelLimit"/>.</summary>
    public int? ParallelLimit { get; init; }

    /// <summary>Keep (default) or abort the multipart upload on failure or cancel.</summary>
    public CosUploadFailureAction OnFailure { get; init; } = CosUploadFailureAction.Keep;

    /// <summary>
    /// Resume an interrupted multipart upload of the same file to the same key (default true): from the local
    /// checkpoint, else from ListMultipartUploads; parts already on the server are verified and not sent again.
    /// Applies to <see cref="CosClient.UploadFileAsync"/>; streams always start a new upload.
    /// </summary>
    public bool Resume { get; init; } = true;

    /// <summary>
    /// Where checkpoints are kept; null uses <c>Cos.Generated/upload-checkpoints</c> under the local application
    /// data folder (the temp directory when there is none). Without a checkpoint an upload is still found with
    /// ListMultipartUploads, so losing the directory costs only one listing.
    /// </summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>
    /// Progress of hashing the source before or instead of sending it (JS <c>onHashProgress</c>): the whole body's MD5
    /// that <see cref="CosClientOptions.UploadAddMetaMd5"/> needs before a multipart upload starts (or a single PUT is
    /// sent), or, when an upload is resumed, the MD5s of the local parts checked against the parts already on the server.
    /// One upload does one or the other (a resumed upload already has its <c>x-cos-meta-md5</c>), so <c>Loaded</c> rises
    /// from 0 to <c>Total</c> (the bytes to hash), reported at most every <see cref="CosClientOptions.ProgressInterval"/>
    /// and once at the end. Null: not reported. Hashing for <see cref="CosClientOptions.UploadCheckContentMd5"/> happens
    /// part by part while sending and is covered by the transfer progress instead.
    /// </summary>
    public IProgress<CosTransferProgress>? HashProgress { get; init; }

    /// <summary>The documented range of <c>x-cos-traffic-limit</c>, in bit/s.</summary>
    internal const long MinTrafficLimit = 819200, MaxTrafficLimit = 838860800;

    /// <summary>The <c>x-cos-tagging</c> value of <see cref="Tags"/>.</summary>
    internal string? TaggingHeader => ObjectTags.Header(Tags);

    /// <summary>
    /// A hash of what InitiateMultipartUpload fixes for the object (headers, metadata, storage class, ACL, tags,
    /// encryption; an SSE-C key only as a hash of its MD5): an upload's checkpoint is resumed only with the same.
    /// </summary>
    internal string ObjectSettingsFingerprint()
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Add(ContentType);
        Add(CacheControl);
        Add(ContentDisposition);
        Add(StorageClass?.Value);
        Add(Acl?.Value);
        Add(GrantRead);
        Add(GrantReadAcp);
        Add(GrantWriteAcp);
        Add(GrantFullControl);
        foreach (var (name, value) in (Metadata ?? new Dictionary<string, string>()).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add(name);
            Add(value);
        }

        Add("tags");
        foreach (var (name, value) in (Tags ?? new Dictionary<string, string>()).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add(name);
            Add(value);
        }

        Add(ServerSideEncryption?.Fingerprint());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    internal void Validate()
    {
        ObjectTags.Validate(Tags, nameof(Tags));
        if (TrafficLimit is { } limit && (limit < MinTrafficLimit || limit > MaxTrafficLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(TrafficLimit), limit, $"TrafficLimit must be between {MinTrafficLimit} and {MaxTrafficLimit} bit/s.");
        }

        if (PartSize is { } partSize && (partSize < CosClientOptions.MinChunkSize || partSize > CosClientOptions.MaxChunkSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), partSize, "PartSize must be between 1 MiB and 5 GiB.");
        }

        if (ParallelLimit is { } parallel && (parallel < 1 || parallel > CosClientOptions.MaxParallelLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(ParallelLimit), parallel, $"ParallelLimit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }
    }
}
