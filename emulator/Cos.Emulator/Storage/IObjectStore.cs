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

    /// <summary>The current version of an object; null when missing. Throws NoSuchBucket.</summary>
    ObjectRecord? GetObject(string bucket, string key);

    /// <summary>The committed object and its content, opened together so a concurrent replace cannot tear it; null when missing.</summary>
    (ObjectRecord Record, Stream Content)? OpenObject(string bucket, string key);

    /// <summary>Objects whose key starts with <paramref name="prefix"/> and sorts after <paramref name="after"/>, in UTF-8 byte order.</summary>
    IReadOnlyList<ObjectRecord> ListObjects(string bucket, string prefix, string? after);

    /// <summary>Streams content into a new uncommitted blob.</summary>
    Task<BlobInfo> WriteBlobAsync(Stream source, bool md5Required, CancellationToken cancellationToken);

    /// <summary>Drops an uncommitted blob (a failed digest check).</summary>
    void DiscardBlob(string blobId);

    /// <summary>Makes <paramref name="record"/> the object's current version (last commit wins); throws NoSuchBucket.</summary>
    void CommitObject(string bucket, ObjectRecord record);

    /// <summary>Deletes an object and its content; false when it was missing. Throws NoSuchBucket.</summary>
    bool DeleteObject(string bucket, string key);

    /// <summary>Opens a multipart upload of <paramref name="key"/> that will get <paramref name="properties"/>, with a new upload id; throws NoSuchBucket.</summary>
    UploadRecord CreateUpload(string bucket, string key, ObjectProperties properties, DateTimeOffset now);

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
    string? GetConfiguration(string bucket, string key, string name);

    /// <summary>Stores a configuration document, replacing any; throws NoSuchBucket or NoSuchKey.</summary>
    void PutConfiguration(string bucket, string key, string name, string document);

    /// <summary>Removes a configuration document; false when none was stored. Throws NoSuchBucket or NoSuchKey.</summary>
    bool DeleteConfiguration(string bucket, string key, string name);

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
