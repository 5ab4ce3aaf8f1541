namespace Cos.Emulator.Storage;

/// <summary>
/// Buckets, objects and multipart uploads. Every method is safe to call concurrently. Where a method "throws
/// NoSuchBucket" (or NoSuchUpload, BucketNotEmpty), it throws the exception the emulator answers as that COS error;
/// its message is COS's.
/// </summary>
public interface IObjectStore : IDisposable
{
    /// <summary>False for the discarding store: reads return zeros of the stored length.</summary>
    bool KeepsContent { get; }

    /// <summary>Creates <paramref name="bucket"/>; false when a bucket of that name exists.</summary>
    bool TryCreateBucket(BucketRecord bucket);

    /// <summary>The bucket named <paramref name="name"/>; null when there is none.</summary>
    BucketRecord? GetBucket(string name);

    /// <summary>Every bucket, by name in ordinal order.</summary>
    IReadOnlyList<BucketRecord> ListBuckets();

    /// <summary>Deletes an empty bucket (and its open uploads); throws NoSuchBucket or BucketNotEmpty.</summary>
    void DeleteBucket(string name);

    /// <summary>Sets the bucket's versioning state (<c>Enabled</c> or <c>Suspended</c>); throws NoSuchBucket.</summary>
    void SetVersioning(string bucket, string status);

    /// <summary>
    /// A version of an object. Without <paramref name="versionId"/>: the current version, null when the key is missing or
    /// its current version is a delete marker. With one (<c>null</c> names the null version): that version, a delete
    /// marker included; throws NoSuchVersion when the key has no such version. Throws NoSuchBucket.
    /// </summary>
    ObjectRecord? GetObject(string bucket, string key, string? versionId = null);

    /// <summary>
    /// A version (as <see cref="GetObject"/> finds it) and its content, opened together so a concurrent replace cannot tear
    /// it; null when missing. A delete marker has no content: throws MethodNotAllowed when asked for one by id.
    /// </summary>
    (ObjectRecord Record, Stream Content)? OpenObject(string bucket, string key, string? versionId = null);

    /// <summary>
    /// Current versions that are not delete markers, whose key starts with <paramref name="prefix"/> and sorts after
    /// <paramref name="after"/>, in UTF-8 byte order.
    /// </summary>
    IReadOnlyList<ObjectRecord> ListObjects(string bucket, string prefix, string? after);

    /// <summary>
    /// Every version and delete marker of keys starting with <paramref name="prefix"/>, keys in UTF-8 byte order and each
    /// key's versions newest first, after the entry the markers name: after the whole key <paramref name="keyMarker"/> when
    /// <paramref name="versionIdMarker"/> is empty, else after that version of it. Throws NoSuchBucket.
    /// </summary>
    IReadOnlyList<(ObjectRecord Record, bool IsLatest)> ListVersions(string bucket, string prefix, string? keyMarker, string? versionIdMarker);

    /// <summary>Streams content into a new uncommitted blob.</summary>
    Task<BlobInfo> WriteBlobAsync(Stream source, bool md5Required, CancellationToken cancellationToken);

    /// <summary>Drops an uncommitted blob (a failed digest check).</summary>
    void DiscardBlob(string blobId);

    /// <summary>
    /// Makes <paramref name="record"/> the object's current version (last commit wins) and returns it with its version id:
    /// a new id when the bucket's versioning is enabled (older versions are kept); otherwise it replaces the null version.
    /// An appendable record is always the null version (COS keeps appendable objects out of versioning). Throws NoSuchBucket.
    /// </summary>
    ObjectRecord CommitObject(string bucket, ObjectRecord record);

    /// <summary>
    /// Deletes a version. With <paramref name="versionId"/>: removes that version for good (null when there is none).
    /// Without: an unversioned bucket removes the object (null when it was missing); a versioned one adds a delete marker
    /// (a new id when enabled; replacing the null version when suspended) written at <paramref name="now"/>. Throws NoSuchBucket.
    /// </summary>
    DeletedVersion? DeleteObject(string bucket, string key, string? versionId, DateTimeOffset now);

    /// <summary>
    /// Opens a multipart upload of <paramref name="key"/> that will get <paramref name="properties"/> and
    /// <paramref name="configurations"/> (documents its headers set: tagging, ACL), with a new upload id; throws NoSuchBucket.
    /// </summary>
    UploadRecord CreateUpload(string bucket, string key, ObjectProperties properties, IReadOnlyDictionary<string, string> configurations, DateTimeOffset now);

    /// <summary>A snapshot of an open upload; null when unknown (or of another bucket).</summary>
    UploadRecord? GetUpload(string bucket, string uploadId);

    /// <summary>Adds or replaces a part; throws NoSuchUpload.</summary>
    void CommitPart(string bucket, string uploadId, PartRecord part);

    /// <summary>Concatenates <paramref name="parts"/> into the object and closes the upload; throws NoSuchUpload.</summary>
    Task<ObjectRecord> CompleteUploadAsync(string bucket, string uploadId, IReadOnlyList<PartRecord> parts, string etag, ulong crc64, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes an open upload and deletes its parts; false when unknown (or of another bucket).</summary>
    bool AbortUpload(string bucket, string uploadId);

    /// <summary>Snapshots of the bucket's open uploads, in no particular order; throws NoSuchBucket.</summary>
    IReadOnlyList<UploadRecord> ListUploads(string bucket);

    /// <summary>
    /// A configuration document (the body of a PUT <c>?{name}</c>) of a bucket, or of an object when <paramref name="key"/>
    /// is not empty; null when none is stored. Throws NoSuchBucket, or NoSuchKey for a missing object.
    /// </summary>
    /// <remarks>An object's documents belong to one version: the current one, or <paramref name="versionId"/>'s (NoSuchVersion when unknown).</remarks>
    string? GetConfiguration(string bucket, string key, string name, string? versionId = null);

    /// <summary>Stores a configuration document, replacing any; throws NoSuchBucket, NoSuchKey or NoSuchVersion.</summary>
    void PutConfiguration(string bucket, string key, string name, string document, string? versionId = null);

    /// <summary>Removes a configuration document; false when none was stored. Throws NoSuchBucket, NoSuchKey or NoSuchVersion.</summary>
    bool DeleteConfiguration(string bucket, string key, string name, string? versionId = null);

    /// <summary>
    /// The configuration documents of a bucket, or of an object when <paramref name="key"/> is not empty, by name (a
    /// snapshot). Throws NoSuchBucket, or NoSuchKey for a missing object.
    /// </summary>
    IReadOnlyDictionary<string, string> GetConfigurations(string bucket, string key);

    /// <summary>
    /// Edits the configuration documents of a bucket or object in one step, for documents kept under several names
    /// (inventory jobs by id): <paramref name="edit"/> gets a copy, and what it leaves there replaces them (and is
    /// persisted) unless it throws. Throws NoSuchBucket or NoSuchKey.
    /// </summary>
    T EditConfigurations<T>(string bucket, string key, Func<IDictionary<string, string>, T> edit);
}
