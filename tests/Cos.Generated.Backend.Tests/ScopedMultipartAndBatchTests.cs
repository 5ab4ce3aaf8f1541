using Cos.Generated.Credentials;
using Cos.Generated.Transfer;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// ScopeLimit keys minted by the emulator's STS for exactly each request's scope, for the two operations whose CAM action
/// is not their name: UploadPartCopy (PutObject on the target, GetObject on the source, as the official SDKs scope it)
/// and DeleteMultipleObjects (DeleteObject on every key). Client and emulator read both from the same operation table.
/// </summary>
public sealed class ScopedMultipartAndBatchTests
{
    [Fact]
    public async Task A_multipart_copy_succeeds_with_keys_minted_for_each_requests_scope()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var admin = Admin(cos, clock);
        var source = new byte[(2 * 1024 * 1024) + 12345];
        new Random(7).NextBytes(source);
        await admin.PutObjectAsync(new PutObjectRequest { Bucket = OtherBucket, Key = "src/big.bin", Body = new MemoryStream(source) });
        using var limited = new ScopeLimitedClient(cos, clock);
        var scopes = limited.Scopes;

        var result = await limited.Client.CopyAsync(new CosCopySource(OtherBucket, "src/big.bin", Region), Bucket, "dst/big.bin", new CosCopyOptions { SliceSize = 1024 * 1024, PartSize = 1024 * 1024 });

        result.Size.ShouldBe(source.Length);

        // Three parts, each copied with a key for PutObject on the target and GetObject on the source.
        var partCopy = new CosCredentialScope("name/cos:PutObject", Bucket, Region, "dst/big.bin")
        {
            CopySource = new CosCredentialScope("name/cos:GetObject", OtherBucket, Region, "src/big.bin"),
        };
        scopes.ShouldContain(partCopy);
        scopes.ShouldContain(new CosCredentialScope("name/cos:InitiateMultipartUpload", Bucket, Region, "dst/big.bin"));
        scopes.ShouldContain(new CosCredentialScope("name/cos:CompleteMultipartUpload", Bucket, Region, "dst/big.bin"));
        await using var stored = await admin.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "dst/big.bin" });
        var copied = new MemoryStream();
        await stored.Body.CopyToAsync(copied);
        copied.ToArray().ShouldBe(source);
    }

    [Fact]
    public async Task A_batch_delete_is_scoped_and_authorized_key_by_key()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var admin = Admin(cos, clock);
        foreach (var key in new[] { "logs/a.txt", "logs/b.txt", "keep/c.txt" })
        {
            await admin.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream("x"u8.ToArray()) });
        }

        // The key is minted for every entry of the scope except keep/c.txt's, as a backend that refuses one key would.
        using var limited = new ScopeLimitedClient(cos, clock, (_, entry) => entry.Prefix != "keep/c.txt");
        var scopes = limited.Scopes;
        var response = await limited.Client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = Bucket,
            Objects = [new ObjectIdentifier { Key = "logs/a.txt" }, new ObjectIdentifier { Key = "logs/b.txt" }, new ObjectIdentifier { Key = "keep/c.txt" }],
        });

        var scope = scopes.ShouldHaveSingleItem();
        scope.ToEntries().Select(e => (e.Action, e.Prefix)).ShouldBe(
        [
            ("name/cos:DeleteObject", "logs/a.txt"),
            ("name/cos:DeleteObject", "logs/b.txt"),
            ("name/cos:DeleteObject", "keep/c.txt"),
        ]);
        response.Deleted.Select(d => d.Key).ShouldBe(["logs/a.txt", "logs/b.txt"], ignoreOrder: true);
        var refused = response.Errors.ShouldHaveSingleItem();
        refused.Key.ShouldBe("keep/c.txt");
        refused.Code.ShouldBe("AccessDenied");
        (await admin.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "keep/c.txt" })).StatusCode.ShouldBe(200);
        await Should.ThrowAsync<CosException>(() => admin.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "logs/a.txt" }));
    }
}
