using System.Text;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// Object versioning as a client of COS observes it: version ids on writes, reads and deletes by version, delete markers,
/// the null version of unversioned and suspended writes, copies of an old version, and GET Bucket Object versions with
/// its marker-pair paging. The expected values follow COS's (and S3's) documented versioning rules, not the emulator.
/// </summary>
public sealed class VersioningTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;
    private CosClient _client = null!;

    public async Task InitializeAsync()
    {
        _cos = await Emulators.StartAsync();
        _client = Emulators.Client(_cos);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cos.DisposeAsync();
    }

    [Fact]
    public async Task An_unversioned_bucket_has_only_the_null_version_and_answers_no_version_id()
    {
        var first = await PutAsync("k.txt", "one");
        var second = await PutAsync("k.txt", "two");
        first.VersionId.ShouldBeNull();
        second.VersionId.ShouldBeNull();

        var listing = await ListAsync();
        var only = listing.Versions.ShouldHaveSingleItem();
        (only.Key, only.VersionId, only.IsLatest, only.Size).ShouldBe(("k.txt", "null", true, 3L));
        listing.DeleteMarkers.ShouldBeEmpty();
        (await ReadAsync("k.txt", "null")).ShouldBe("two");

        var delete = await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt" });
        delete.DeleteMarker.ShouldNotBe(true);
        (await ListAsync()).Versions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Enabled_versioning_keeps_every_version_readable_by_its_id()
    {
        await EnableAsync();
        var one = await PutAsync("k.txt", "one");
        var two = await PutAsync("k.txt", "two!");
        one.VersionId.ShouldNotBeNullOrEmpty();
        two.VersionId.ShouldNotBeNullOrEmpty();
        two.VersionId.ShouldNotBe(one.VersionId);

        (await ReadAsync("k.txt")).ShouldBe("two!");
        (await ReadAsync("k.txt", one.VersionId)).ShouldBe("one");
        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = one.VersionId }))
        {
            get.VersionId.ShouldBe(one.VersionId);
        }

        var head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = one.VersionId });
        (head.ContentLength, head.VersionId).ShouldBe((3L, one.VersionId));
        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt" })).VersionId.ShouldBe(two.VersionId);

        var missing = await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = "no-such-version" }));
        missing.StatusCode.ShouldBe(404);
        var get404 = await Should.ThrowAsync<CosException>(() => _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = "no-such-version" }));
        get404.ErrorCode.ShouldBe("NoSuchVersion");

        var listing = await ListAsync();
        listing.Versions.Select(v => (v.VersionId, v.IsLatest, v.Size)).ShouldBe([(two.VersionId, true, 4L), (one.VersionId, false, 3L)], "newest first");
    }

    [Fact]
    public async Task A_delete_leaves_a_delete_marker_that_hides_the_key_until_it_is_deleted_itself()
    {
        await EnableAsync();
        var one = await PutAsync("k.txt", "one");

        var delete = await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt" });
        delete.DeleteMarker.ShouldBe(true);
        delete.VersionId.ShouldNotBeNullOrEmpty();
        delete.VersionId.ShouldNotBe(one.VersionId);

        (await Should.ThrowAsync<CosException>(() => ReadAsync("k.txt"))).ErrorCode.ShouldBe("NoSuchKey");
        (await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket })).Contents.ShouldBeEmpty();
        (await ReadAsync("k.txt", one.VersionId)).ShouldBe("one", "older versions survive a delete");

        // A delete marker has no content: reading it by id is 405, as COS answers.
        (await Should.ThrowAsync<CosException>(() => ReadAsync("k.txt", delete.VersionId))).StatusCode.ShouldBe(405);

        var listing = await ListAsync();
        var marker = listing.DeleteMarkers.ShouldHaveSingleItem();
        (marker.Key, marker.VersionId, marker.IsLatest).ShouldBe(("k.txt", delete.VersionId, true));
        listing.Versions.ShouldHaveSingleItem().IsLatest.ShouldBe(false);

        // The bucket is not empty while versions or markers remain.
        (await Should.ThrowAsync<CosException>(() => _client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("BucketNotEmpty");

        // Deleting the marker by id brings the key back.
        var undelete = await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = delete.VersionId });
        (undelete.DeleteMarker, undelete.VersionId).ShouldBe((true, delete.VersionId));
        (await ReadAsync("k.txt")).ShouldBe("one");
    }

    [Fact]
    public async Task Deleting_a_version_by_id_removes_it_for_good()
    {
        await EnableAsync();
        var one = await PutAsync("k.txt", "one");
        var two = await PutAsync("k.txt", "two");

        var delete = await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = two.VersionId });
        delete.VersionId.ShouldBe(two.VersionId);
        delete.DeleteMarker.ShouldNotBe(true);

        (await ReadAsync("k.txt")).ShouldBe("one", "the previous version is current again");
        (await Should.ThrowAsync<CosException>(() => ReadAsync("k.txt", two.VersionId))).ErrorCode.ShouldBe("NoSuchVersion");
        (await ListAsync()).Versions.Select(v => (v.VersionId, v.IsLatest)).ShouldBe([(one.VersionId, true)]);

        await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", VersionId = one.VersionId });
        (await ListAsync()).Versions.ShouldBeEmpty();
        await _client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = Emulators.Bucket });
    }

    [Fact]
    public async Task Suspended_versioning_writes_and_deletes_the_null_version_and_keeps_the_others()
    {
        await PutAsync("k.txt", "before");
        await EnableAsync();
        var enabled = await PutAsync("k.txt", "enabled");
        await _client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Suspended });

        (await PutAsync("k.txt", "suspended-1")).VersionId.ShouldBeNull();
        (await PutAsync("k.txt", "suspended-2")).VersionId.ShouldBeNull();

        // "before" was the null version; the suspended writes replaced it, and the enabled version stays.
        var listing = await ListAsync();
        listing.Versions.Select(v => (v.VersionId, v.IsLatest)).ShouldBe([("null", true), (enabled.VersionId, false)]);
        (await ReadAsync("k.txt", "null")).ShouldBe("suspended-2");
        (await ReadAsync("k.txt", enabled.VersionId)).ShouldBe("enabled");

        // A suspended delete replaces the null version with a null delete marker.
        (await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt" })).DeleteMarker.ShouldBe(true);
        listing = await ListAsync();
        listing.DeleteMarkers.Select(m => (m.VersionId, m.IsLatest)).ShouldBe([("null", true)]);
        listing.Versions.Select(v => v.VersionId).ShouldBe([enabled.VersionId]);
    }

    [Fact]
    public async Task A_copy_reads_the_source_version_it_names()
    {
        await EnableAsync();
        var one = await PutAsync("src.txt", "one");
        await PutAsync("src.txt", "two");

        var source = $"{Emulators.Bucket}.cos.{Emulators.Region}.myqcloud.com/src.txt?versionId={Uri.EscapeDataString(one.VersionId!)}";
        var copy = await _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "dst.txt", CopySource = source });
        copy.CopySourceVersionId.ShouldBe(one.VersionId);
        copy.VersionId.ShouldNotBeNullOrEmpty();
        (await ReadAsync("dst.txt")).ShouldBe("one");

        // Copying an old version onto its own key restores it as a new current version.
        var restore = await _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "src.txt", CopySource = source });
        restore.VersionId.ShouldNotBe(one.VersionId);
        (await ReadAsync("src.txt")).ShouldBe("one");
        (await ListAsync("src")).Versions.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Multipart_completion_and_batch_delete_are_versioned_too()
    {
        await EnableAsync();
        var old = await PutAsync("m.bin", "old");
        var init = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "m.bin" });
        var part = await _client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "m.bin", UploadId = init.UploadId!, PartNumber = 1, Body = new MemoryStream("new"u8.ToArray()) });
        var complete = await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket,
            Key = "m.bin",
            UploadId = init.UploadId!,
            Parts = [new CompletedPart { PartNumber = 1, ETag = part.ETag! }],
        });
        complete.VersionId.ShouldNotBeNullOrEmpty();
        complete.VersionId.ShouldNotBe(old.VersionId);

        var batch = await _client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = Emulators.Bucket,
            Objects = [new ObjectIdentifier { Key = "m.bin", VersionId = old.VersionId }, new ObjectIdentifier { Key = "m.bin" }],
        });
        batch.Errors.ShouldBeEmpty();
        batch.Deleted.Count.ShouldBe(2);
        var byVersion = batch.Deleted.Single(d => d.VersionId == old.VersionId);
        byVersion.DeleteMarker.ShouldNotBe(true);
        var marker = batch.Deleted.Single(d => d.VersionId is null);
        marker.DeleteMarker.ShouldBe(true);
        marker.DeleteMarkerVersionId.ShouldNotBeNullOrEmpty();

        var listing = await ListAsync("m.bin");
        listing.Versions.Select(v => v.VersionId).ShouldBe([complete.VersionId]);
        listing.DeleteMarkers.Select(m => m.VersionId).ShouldBe([marker.DeleteMarkerVersionId]);
    }

    [Fact]
    public async Task Object_tags_belong_to_one_version()
    {
        await EnableAsync();
        var one = await PutAsync("t.txt", "one");
        await _client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt", TagSet = [new Tag { Key = "v", Value = "1" }] });
        await PutAsync("t.txt", "two");

        (await Should.ThrowAsync<CosException>(() => _client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" }))).ErrorCode.ShouldBe("NoSuchTagSet");
        var old = await _client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt", VersionId = one.VersionId });
        old.TagSet.ShouldHaveSingleItem().Value.ShouldBe("1");
    }

    [Fact]
    public async Task Listing_versions_pages_by_the_marker_pair_without_losing_or_repeating_an_entry()
    {
        await EnableAsync();
        var expected = new List<(string Key, string? VersionId)>();
        foreach (var key in new[] { "b/é 1.txt", "a+1.txt", "b/2.txt", "c.txt" })
        {
            var versions = new List<string?>();
            for (var i = 0; i < 3; i++)
            {
                versions.Insert(0, (await PutAsync(key, key + i)).VersionId);
            }

            if (key == "b/2.txt")
            {
                versions.Insert(0, (await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = key })).VersionId);
            }

            expected.AddRange(versions.Select(v => (key, v)));
        }

        // UTF-8 key order, newest first within a key.
        expected = [.. expected.OrderBy(e => Encoding.UTF8.GetBytes(e.Key), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)))];

        var seen = new List<(string Key, string? VersionId)>();
        var pages = 0;
        await foreach (var page in _client.ListObjectVersionsPagesAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket, MaxKeys = 2, EncodingType = EncodingType.Url }))
        {
            pages++;
            (page.Versions.Count + page.DeleteMarkers.Count).ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Versions.Select(v => (v.Key!, v.VersionId)).Concat(page.DeleteMarkers.Select(m => (m.Key!, m.VersionId)))
                .OrderBy(e => expected.IndexOf(e)));
        }

        seen.ShouldBe(expected);
        pages.ShouldBe(7, "13 entries, two a page");

        var enumerated = new List<string?>();
        await foreach (var version in _client.EnumerateObjectVersionsAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket, MaxKeys = 5 }))
        {
            enumerated.Add(version.VersionId);
        }

        enumerated.Count.ShouldBe(12, "the enumerator yields the versions, not the delete marker");
    }

    [Fact]
    public async Task Listing_versions_groups_common_prefixes_once_across_pages()
    {
        await EnableAsync();
        foreach (var key in new[] { "a.txt", "d/1.txt", "d/2.txt", "e/1.txt", "z.txt" })
        {
            await PutAsync(key, "x");
            await PutAsync(key, "y");
        }

        var prefixes = new List<string?>();
        var versions = new List<string?>();
        await foreach (var page in _client.ListObjectVersionsPagesAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket, Delimiter = "/", MaxKeys = 1 }))
        {
            prefixes.AddRange(page.CommonPrefixes.Select(p => p.Prefix));
            versions.AddRange(page.Versions.Select(v => v.Key));
        }

        prefixes.ShouldBe(["d/", "e/"]);
        versions.ShouldBe(["a.txt", "a.txt", "z.txt", "z.txt"]);
    }

    private Task EnableAsync() =>
        _client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled });

    private Task<PutObjectResponse> PutAsync(string key, string text) =>
        _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream(Encoding.UTF8.GetBytes(text)) });

    private async Task<string> ReadAsync(string key, string? versionId = null)
    {
        await using var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = key, VersionId = versionId });
        return await new StreamReader(get.Body).ReadToEndAsync();
    }

    private Task<ListObjectVersionsResponse> ListAsync(string? prefix = null) =>
        _client.ListObjectVersionsAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket, Prefix = prefix });
}
