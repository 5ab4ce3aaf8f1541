using Cos.Emulator.Errors;

namespace Cos.Emulator.Storage;

/// <summary>
/// The index of buckets, objects and uploads (kept in memory, mirrored to sidecars by a <see cref="DiskJournal"/>
/// when there is one) over an <see cref="IBlobStore"/> holding the content. Content streams outside the lock;
/// commits (swapping which blob a key points to) happen under it, so the last complete write wins and a
/// reader always opens one committed version.
/// </summary>
internal sealed class ObjectStore : IObjectStore
{
    private readonly object _gate = new();
    private readonly IBlobStore _blobs;
    private readonly DiskJournal? _journal;
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadRecord> _uploads = new(StringComparer.Ordinal);

    private ObjectStore(IBlobStore blobs, DiskJournal? journal, bool keepsContent)
    {
        _blobs = blobs;
        _journal = journal;
        KeepsContent = keepsContent;
    }

    /// <summary>Everything in memory.</summary>
    public static ObjectStore InMemory() => new(new MemoryBlobStore(), null, keepsContent: true);

    /// <summary>Keeps sizes, ETags and CRC-64 only.</summary>
    public static ObjectStore Discarding() => new(new DiscardingBlobStore(), null, keepsContent: false);

    /// <summary>Content and metadata under <paramref name="dataDirectory"/>; loads what a previous run left there.</summary>
    public static ObjectStore OnDisk(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var blobs = new DiskBlobStore(dataDirectory);
        var journal = new DiskJournal(dataDirectory, blobs.TempDirectory);
        var store = new ObjectStore(blobs, journal, keepsContent: true);
        store.Load();
        return store;
    }

    public bool KeepsContent { get; }

    private void Load()
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bucket in _journal!.LoadBuckets())
        {
            _buckets[bucket.Name] = new BucketState(bucket);
        }

        foreach (var file in _journal.LoadObjects())
        {
            if (_buckets.TryGetValue(file.Bucket, out var state))
            {
                state.Objects[file.Object.Key] = file.Object;
                referenced.Add(file.Object.BlobId);
            }
        }

        foreach (var upload in _journal.LoadUploads())
        {
            _uploads[upload.UploadId] = upload;
            referenced.UnionWith(upload.Parts.Values.Select(p => p.BlobId));
        }

        // Blobs written but never committed (a crash between the rename and the sidecar) are invisible; drop them.
        foreach (var blob in _blobs.List().ToList())
        {
            if (!referenced.Contains(blob))
            {
                _blobs.Delete(blob);
            }
        }
    }

    public bool TryCreateBucket(BucketRecord bucket)
    {
        lock (_gate)
        {
            if (_buckets.ContainsKey(bucket.Name))
            {
                return false;
            }

            _buckets[bucket.Name] = new BucketState(bucket);
            _journal?.SaveBucket(bucket);
            return true;
        }
    }

    public BucketRecord? GetBucket(string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(name, out var state) ? state.Record : null;
        }
    }

    public IReadOnlyList<BucketRecord> ListBuckets()
    {
        lock (_gate)
        {
            return [.. _buckets.Values.Select(b => b.Record).OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    public void DeleteBucket(string name)
    {
        lock (_gate)
        {
            var state = Bucket(name);
            if (state.Objects.Count > 0)
            {
                throw CosErrors.BucketNotEmpty();
            }

            foreach (var upload in _uploads.Values.Where(u => u.Bucket == name).ToList())
            {
                RemoveUpload(upload);
            }

            _buckets.Remove(name);
            _journal?.DeleteBucket(name);
        }
    }

    public ObjectRecord? GetObject(string bucket, string key)
    {
        lock (_gate)
        {
            return Bucket(bucket).Objects.GetValueOrDefault(key);
        }
    }

    public (ObjectRecord Record, Stream Content)? OpenObject(string bucket, string key)
    {
        lock (_gate)
        {
            if (!Bucket(bucket).Objects.TryGetValue(key, out var record))
            {
                return null;
            }

            var content = _blobs.OpenRead(record.BlobId, record.Size) ?? throw new InvalidOperationException($"The content of '{key}' is missing from the store.");
            return (record, content);
        }
    }

    public IReadOnlyList<ObjectRecord> ListObjects(string bucket, string prefix, string? after)
    {
        lock (_gate)
        {
            var result = new List<ObjectRecord>();
            foreach (var (key, record) in Bucket(bucket).Objects)
            {
                if (after is not null && Utf8Order.Instance.Compare(key, after) <= 0)
                {
                    continue;
                }

                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    result.Add(record);
                }
                else if (Utf8Order.Instance.Compare(key, prefix) > 0)
                {
                    break;
                }
            }

            return result;
        }
    }

    public Task<BlobInfo> WriteBlobAsync(Stream source, bool md5Required, CancellationToken cancellationToken) => _blobs.WriteAsync(source, md5Required, cancellationToken);

    public void DiscardBlob(string blobId) => _blobs.Delete(blobId);

    public void CommitObject(string bucket, ObjectRecord record)
    {
        string? old = null;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state))
            {
                _blobs.Delete(record.BlobId);
                throw CosErrors.NoSuchBucket();
            }

            if (state.Objects.TryGetValue(record.Key, out var previous))
            {
                old = previous.BlobId;
            }

            state.Objects[record.Key] = record;
            _journal?.SaveObject(bucket, record);
            if (old is not null && old != record.BlobId)
            {
                // Readers that opened the old version keep their handle (memory segments, or an unlinked file).
                _blobs.Delete(old);
            }
        }
    }

    public bool DeleteObject(string bucket, string key)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            if (!state.Objects.Remove(key, out var record))
            {
                return false;
            }

            _journal?.DeleteObject(bucket, key);
            _blobs.Delete(record.BlobId);
            return true;
        }
    }

    public UploadRecord CreateUpload(string bucket, string key, ObjectProperties properties, DateTimeOffset now)
    {
        lock (_gate)
        {
            Bucket(bucket);
            var upload = new UploadRecord
            {
                UploadId = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N"),
                Bucket = bucket,
                Key = key,
                Initiated = now,
                Properties = properties,
            };
            _uploads[upload.UploadId] = upload;
            _journal?.SaveUpload(upload);
            return Snapshot(upload);
        }
    }

    public UploadRecord? GetUpload(string bucket, string uploadId)
    {
        lock (_gate)
        {
            Bucket(bucket);
            return _uploads.TryGetValue(uploadId, out var upload) && upload.Bucket == bucket ? Snapshot(upload) : null;
        }
    }

    public void CommitPart(string bucket, string uploadId, PartRecord part)
    {
        lock (_gate)
        {
            if (!_uploads.TryGetValue(uploadId, out var upload) || upload.Bucket != bucket)
            {
                _blobs.Delete(part.BlobId);
                throw CosErrors.NoSuchUpload();
            }

            if (upload.Parts.TryGetValue(part.PartNumber, out var previous) && previous.BlobId != part.BlobId)
            {
                _blobs.Delete(previous.BlobId);
            }

            upload.Parts[part.PartNumber] = part;
            _journal?.SaveUpload(upload);
        }
    }

    public async Task<ObjectRecord> CompleteUploadAsync(string bucket, string uploadId, IReadOnlyList<PartRecord> parts, string etag, ulong crc64, DateTimeOffset now, CancellationToken cancellationToken)
    {
        UploadRecord upload;
        lock (_gate)
        {
            if (!_uploads.TryGetValue(uploadId, out upload!) || upload.Bucket != bucket)
            {
                throw CosErrors.NoSuchUpload();
            }
        }

        var blobId = await _blobs.ConcatAsync([.. parts.Select(p => (p.BlobId, p.Size))], cancellationToken).ConfigureAwait(false);
        var record = new ObjectRecord
        {
            Key = upload.Key,
            BlobId = blobId,
            Size = parts.Sum(p => p.Size),
            ETag = etag,
            Crc64 = crc64,
            LastModified = now,
            Properties = upload.Properties,
        };
        lock (_gate)
        {
            if (!_uploads.ContainsKey(uploadId))
            {
                _blobs.Delete(blobId);
                throw CosErrors.NoSuchUpload();
            }

            CommitObject(bucket, record);
            RemoveUpload(upload);
        }

        return record;
    }

    public bool AbortUpload(string bucket, string uploadId)
    {
        lock (_gate)
        {
            if (!_uploads.TryGetValue(uploadId, out var upload) || upload.Bucket != bucket)
            {
                return false;
            }

            RemoveUpload(upload);
            return true;
        }
    }

    public IReadOnlyList<UploadRecord> ListUploads(string bucket)
    {
        lock (_gate)
        {
            Bucket(bucket);
            return [.. _uploads.Values.Where(u => u.Bucket == bucket).Select(Snapshot)];
        }
    }

    public string? GetConfiguration(string bucket, string key, string name)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            var configurations = key.Length == 0 ? state.Record.Configurations : Object(state, key).Configurations;
            return configurations.GetValueOrDefault(name);
        }
    }

    public void PutConfiguration(string bucket, string key, string name, string document) =>
        UpdateConfigurations(bucket, key, configurations => configurations[name] = document);

    public bool DeleteConfiguration(string bucket, string key, string name)
    {
        var removed = false;
        UpdateConfigurations(bucket, key, configurations => removed = configurations.Remove(name));
        return removed;
    }

    public IReadOnlyDictionary<string, string> GetConfigurations(string bucket, string key)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            return key.Length == 0 ? state.Record.Configurations : Object(state, key).Configurations;
        }
    }

    public T EditConfigurations<T>(string bucket, string key, Func<IDictionary<string, string>, T> edit)
    {
        var result = default(T)!;
        UpdateConfigurations(bucket, key, configurations => result = edit(configurations));
        return result;
    }

    public void Dispose() => _blobs.Dispose();

    /// <summary>Replaces the record's configurations with an edited copy, in the index and its sidecar.</summary>
    private void UpdateConfigurations(string bucket, string key, Action<Dictionary<string, string>> edit)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            if (key.Length == 0)
            {
                var configurations = new Dictionary<string, string>(state.Record.Configurations, StringComparer.Ordinal);
                edit(configurations);
                state.Record = state.Record with { Configurations = configurations };
                _journal?.SaveBucket(state.Record);
            }
            else
            {
                var record = Object(state, key);
                var configurations = new Dictionary<string, string>(record.Configurations, StringComparer.Ordinal);
                edit(configurations);
                record = record with { Configurations = configurations };
                state.Objects[key] = record;
                _journal?.SaveObject(bucket, record);
            }
        }
    }

    private static ObjectRecord Object(BucketState state, string key) => state.Objects.TryGetValue(key, out var record) ? record : throw CosErrors.NoSuchKey();

    private void RemoveUpload(UploadRecord upload)
    {
        _uploads.Remove(upload.UploadId);
        _journal?.DeleteUpload(upload.UploadId);
        foreach (var part in upload.Parts.Values)
        {
            _blobs.Delete(part.BlobId);
        }
    }

    private BucketState Bucket(string name) => _buckets.TryGetValue(name, out var state) ? state : throw CosErrors.NoSuchBucket();

    private static UploadRecord Snapshot(UploadRecord upload) => upload with { Parts = new SortedDictionary<int, PartRecord>(upload.Parts) };

    private sealed class BucketState(BucketRecord record)
    {
        public BucketRecord Record { get; set; } = record;

        public SortedDictionary<string, ObjectRecord> Objects { get; } = new(Utf8Order.Instance);
    }
}
