using Cos.Emulator.Storage;

namespace Cos.Emulator.Tests;

/// <summary>The in-memory store holds about what it was given: small objects must not cost a large block each.</summary>
public sealed class MemoryBlobStoreTests
{
    [Fact]
    public async Task Two_thousand_objects_of_1_KB_retain_their_size_not_a_block_each()
    {
        using var store = new MemoryBlobStore();
        var content = Emulators.Bytes(1000);
        for (var i = 0; i < 2000; i++)
        {
            await store.WriteAsync(new MemoryStream(content), md5Required: true, CancellationToken.None);
        }

        store.RetainedBytes().ShouldBe(2000 * 1000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4097)]
    [InlineData(3 * 1024 * 1024 + 12345)]
    public async Task A_blob_of_any_size_reads_back_whole_and_retains_its_length(int length)
    {
        using var store = new MemoryBlobStore();
        var content = Emulators.Bytes(length, seed: length);
        // Small reads, as a slow client's body arrives, must not leave small-read slack behind either.
        var blob = await store.WriteAsync(new TrickleStream(content, 3000), md5Required: true, CancellationToken.None);

        blob.Length.ShouldBe(length);
        store.RetainedBytes().ShouldBe(length);
        await using var read = store.OpenRead(blob.BlobId, length)!;
        (await Emulators.ReadAllAsync(read)).ShouldBe(content);
    }

    [Fact]
    public async Task A_concatenation_shares_its_parts_without_copying()
    {
        using var store = new MemoryBlobStore();
        var first = await store.WriteAsync(new MemoryStream(Emulators.Bytes(5000, 1)), md5Required: true, CancellationToken.None);
        var second = await store.WriteAsync(new MemoryStream(Emulators.Bytes(700, 2)), md5Required: true, CancellationToken.None);
        var whole = await store.ConcatAsync([(first.BlobId, 5000), (second.BlobId, 700)], CancellationToken.None);

        store.RetainedBytes().ShouldBe(5700);
        store.Delete(first.BlobId);
        store.Delete(second.BlobId);
        await using var read = store.OpenRead(whole, 5700)!;
        (await Emulators.ReadAllAsync(read)).ShouldBe([.. Emulators.Bytes(5000, 1), .. Emulators.Bytes(700, 2)]);
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] content, int chunk) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
