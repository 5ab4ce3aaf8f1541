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
            var versions = file.AllVersions;
            if (_buckets.TryGetValue(file.Bucket, out var state) && versions.Count > 0)
            {
                state.Objects[versions[0].Key] = [.. versions];
                referenced.UnionWith(versions.Select(v => v.BlobId));
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

    public void SetVersioning(string bucket, string status)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            state.Record = state.Record with { Versioning = status };
            _journal?.SaveBucket(state.Record);
        }
    }

    public ObjectRecord? GetObject(string bucket, string key, string? versionId = null)
    {
        lock (_gate)
        {
            return Find(Bucket(bucket), key, versionId);
        }
    }

    public (ObjectRecord Record, Stream Content)? OpenObject(string bucket, string key, string? versionId = null)
    {
        lock (_gate)
        {
            if (Find(Bucket(bucket), key, versionId) is not { } record)
            {
                return null;
            }

            if (record.IsDeleteMarker)
            {
                throw CosErrors.MethodNotAllowed("GET");
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
            foreach (var (key, versions) in Keys(Bucket(bucket), prefix, after))
            {
                if (!versions[0].IsDeleteMarker)
                {
                    result.Add(versions[0]);
                }
            }

            return result;
        }
    }

    public IReadOnlyList<(ObjectRecord Record, bool IsLatest)> ListVersions(string bucket, string prefix, string? keyMarker, string? versionIdMarker)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            var result = new List<(ObjectRecord, bool)>();

            // Within the marker key, the versions after the marker version (newest first); then the keys after it.
            if (!string.IsNullOrEmpty(keyMarker) && !string.IsNullOrEmpty(versionIdMarker)
                && keyMarker.StartsWith(prefix, StringComparison.Ordinal) && state.Objects.TryGetValue(keyMarker, out var marked))
            {
                var at = marked.FindIndex(v => v.ListedVersionId == versionIdMarker);
                for (var i = at < 0 ? marked.Count : at + 1; i < marked.Count; i++)
                {
                    result.Add((marked[i], i == 0));
                }
            }

            foreach (var (_, versions) in Keys(state, prefix, string.IsNullOrEmpty(keyMarker) ? null : keyMarker))
            {
                for (var i = 0; i < versions.Count; i++)
                {
                    result.Add((versions[i], i == 0));
                }
            }

            return result;
        }
    }

    public Task<BlobInfo> WriteBlobAsync(Stream source, bool md5Required, CancellationToken cancellationToken) => _blobs.WriteAsync(source, md5Required, cancellationToken);

    public void DiscardBlob(string blobId) => _blobs.Delete(blobId);

    public ObjectRecord CommitObject(string bucket, ObjectRecord record)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state))
            {
                _blobs.Delete(record.BlobId);
                throw CosErrors.NoSuchBucket();
            }

            record = record with { VersionId = state.Record.Versioning == "Enabled" && !record.Appendable ? NewVersionId() : null, IsDeleteMarker = false };
            Push(bucket, state, record);
            return record;
        }
    }

    public DeletedVersion? DeleteObject(string bucket, string key, string? versionId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            if (versionId is not null)
            {
                var at = state.Objects.TryGetValue(key, out var versions) ? versions.FindIndex(v => v.ListedVersionId == versionId) : -1;
                if (at < 0)
                {
                    return null;
                }

                var removed = versions![at];
                versions.RemoveAt(at);
                Drop(removed);
                Save(bucket, state, key);
                return new DeletedVersion(removed.VersionId, removed.IsDeleteMarker);
            }

            if (state.Record.Versioning is null)
            {
                if (!state.Objects.Remove(key, out var versions))
                {
                    return null;
                }

                versions.ForEach(Drop);
                _journal?.DeleteObject(bucket, key);
                return new DeletedVersion(null, false);
            }

            // Versioned: the key reads as missing from now on, its versions kept behind a delete marker.
            var marker = new ObjectRecord
            {
                Key = key,
                BlobId = string.Empty,
                Size = 0,
                ETag = string.Empty,
                Crc64 = 0,
                LastModified = now,
                Properties = new ObjectProperties(),
                IsDeleteMarker = true,
                VersionId = state.Record.Versioning == "Enabled" ? NewVersionId() : null,
            };
            Push(bucket, state, marker);
            return new DeletedVersion(marker.VersionId, true);
        }
    }

    public UploadRecord CreateUpload(string bucket, string key, ObjectProperties properties, IReadOnlyDictionary<string, string> configurations, DateTimeOffset now)
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
                Configurations = configurations,
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
            Configurations = upload.Configurations,
        };
        lock (_gate)
        {
            if (!_uploads.ContainsKey(uploadId))
            {
                _blobs.Delete(blobId);
                throw CosErrors.NoSuchUpload();
            }

            record = CommitObject(bucket, record);
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

    public string? GetConfiguration(string bucket, string key, string name, string? versionId = null)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            var configurations = key.Length == 0 ? state.Record.Configurations : Object(state, key, versionId).Configurations;
            return configurations.GetValueOrDefault(name);
        }
    }

    public void PutConfiguration(string bucket, string key, string name, string document, string? versionId = null) =>
        UpdateConfigurations(bucket, key, versionId, configurations => configurations[name] = document);

    public bool DeleteConfiguration(string bucket, string key, string name, string? versionId = null)
    {
        var removed = false;
        UpdateConfigurations(bucket, key, versionId, configurations => removed = configurations.Remove(name));
        return removed;
    }

    public IReadOnlyDictionary<string, string> GetConfigurations(string bucket, string key)
    {
        lock (_gate)
        {
            var state = Bucket(bucket);
            return key.Length == 0 ? state.Record.Configurations : Object(state, key, null).Configurations;
        }
    }

    public T EditConfigurations<T>(string bucket, string key, Func<IDictionary<string, string>, T> edit)
    {
        var result = default(T)!;
        UpdateConfigurations(bucket, key, null, configurations => result = edit(configurations));
        return result;
    }

    public void Dispose() => _blobs.Dispose();

    /// <summary>Replaces the record's configurations with an edited copy, in the index and its sidecar.</summary>
    private void UpdateConfigurations(string bucket, string key, string? versionId, Action<Dictionary<string, string>> edit)
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
                var record = Object(state, key, versionId);
                var configurations = new Dictionary<string, string>(record.Configurations, StringComparer.Ordinal);
                edit(configurations);
                var versions = state.Objects[key];
                versions[versions.IndexOf(record)] = record with { Configurations = configurations };
                Save(bucket, state, key);
            }
        }
    }

    /// <summary>A version that exists (not a delete marker), for documents kept on it; NoSuchKey or NoSuchVersion otherwise.</summary>
    private static ObjectRecord Object(BucketState state, string key, string? versionId) => Find(state, key, versionId) switch
    {
        null => throw CosErrors.NoSuchKey(),
        { IsDeleteMarker: true } => throw CosErrors.MethodNotAllowed(versionId is null ? "PUT" : "GET"),
        var record => record,
    };

    /// <summary>As <see cref="GetObject"/> says; under the lock.</summary>
    private static ObjectRecord? Find(BucketState state, string key, string? versionId)
    {
        if (!state.Objects.TryGetValue(key, out var versions))
        {
            return versionId is null ? null : throw CosErrors.NoSuchVersion();
        }

        if (versionId is null)
        {
            return versions[0].IsDeleteMarker ? null : versions[0];
        }

        return versions.Find(v => v.ListedVersionId == versionId) ?? throw CosErrors.NoSuchVersion();
    }

    /// <summary>The keys starting with <paramref name="prefix"/> after <paramref name="after"/>, in order; under the lock.</summary>
    private static IEnumerable<KeyValuePair<string, List<ObjectRecord>>> Keys(BucketState state, string prefix, string? after)
    {
        foreach (var entry in state.Objects)
        {
            if (after is not null && Utf8Order.Instance.Compare(entry.Key, after) <= 0)
            {
                continue;
            }

            if (entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return entry;
            }
            else if (Utf8Order.Instance.Compare(entry.Key, prefix) > 0)
            {
                yield break;
            }
        }
    }

    /// <summary>Makes <paramref name="record"/> the key's newest version; a null version replaces the previous null version. Under the lock.</summary>
    private void Push(string bucket, BucketState state, ObjectRecord record)
    {
        if (!state.Objects.TryGetValue(record.Key, out var versions))
        {
            state.Objects[record.Key] = versions = [];
        }

        if (record.VersionId is null && versions.FindIndex(v => v.VersionId is null) is var at and >= 0)
        {
            var previous = versions[at];
            versions.RemoveAt(at);

            // Readers that opened the old version keep their handle (memory segments, or an unlinked file).
            if (previous.BlobId != record.BlobId)
            {
                Drop(previous);
            }
        }

        versions.Insert(0, record);
        Save(bucket, state, record.Key);
    }

    /// <summary>Writes a key's versions to its sidecar, or removes the key when it has none left. Under the lock.</summary>
    private void Save(string bucket, BucketState state, string key)
    {
        var versions = state.Objects[key];
        if (versions.Count == 0)
        {
            state.Objects.Remove(key);
            _journal?.DeleteObject(bucket, key);
        }
        else
        {
            _journal?.SaveObject(bucket, versions);
        }
    }

    private void Drop(ObjectRecord version)
    {
        if (!version.IsDeleteMarker)
        {
            _blobs.Delete(version.BlobId);
        }
    }

    /// <summary>A version id as opaque as COS's (base64url of 12 random bytes).</summary>
    private static string NewVersionId() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

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

        /// <summary>Each key's versions, newest first (one, the null version, until versioning is enabled); never empty.</summary>
        public SortedDictionary<string, List<ObjectRecord>> Objects { get; } = new(Utf8Order.Instance);
    }
}
