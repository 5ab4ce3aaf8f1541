using Cos.Generated.Tests.Infrastructure;
using Cos.Generated.Integrity;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadRoundTripTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(MiB)]
    public async Task A_file_up_to_SliceSize_is_one_PUT_and_lands_byte_for_byte(int length)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes(length);
        var puts = harness.CountRequests("PutObject");

        var result = await client.UploadFileAsync(Bucket, "small.bin", harness.WriteFile(data), harness.UploadOptions());

        result.UploadId.ShouldBeNull();
        result.PartCount.ShouldBe(0);
        result.Size.ShouldBe(length);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        result.ETag.ShouldNotBeNullOrEmpty();
        puts.Fired.ShouldBe(1);
        (await harness.DownloadAsync(client, "small.bin")).ShouldBe(data);
    }

    [Theory]
    [InlineData(MiB + 1, 2)]
    [InlineData((5 * MiB) + (MiB / 2), 6)]
    public async Task A_file_above_SliceSize_is_a_multipart_upload_and_lands_byte_for_byte(int length, int parts)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes(length, seed: length);

        var result = await client.UploadFileAsync(Bucket, "dir/big.bin", harness.WriteFile(data), harness.UploadOptions());

        result.UploadId.ShouldNotBeNull();
        result.PartCount.ShouldBe(parts);
        result.Size.ShouldBe(length);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        (await harness.DownloadAsync(client, "dir/big.bin")).ShouldBe(data);
        (await harness.ListUploadsAsync(client, "dir/big.bin")).ShouldBeEmpty();
        Directory.GetFiles(harness.CheckpointDirectory).ShouldBeEmpty(); // the checkpoint is removed on success
    }

    [Fact]
    public async Task Content_MD5_per_part_is_accepted_when_asked_for()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(checkMd5: true);
        var data = RandomBytes((2 * MiB) + 5, seed: 7);

        var result = await client.UploadFileAsync(Bucket, "md5.bin", harness.WriteFile(data), harness.UploadOptions());

        result.PartCount.ShouldBe(3);
        (await harness.DownloadAsync(client, "md5.bin")).ShouldBe(data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(MiB)]
    [InlineData((3 * MiB) + 17)]
    [InlineData(3 * MiB)]
    public async Task A_non_seekable_stream_of_unknown_length_lands_byte_for_byte(int length)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes(length, seed: 3);

        var result = await client.UploadAsync(Bucket, "stream.bin", new NonSeekableStream(data), harness.UploadOptions());

        result.Size.ShouldBe(length);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        result.PartCount.ShouldBe(length <= MiB ? 0 : (length + MiB - 1) / MiB);
        (await harness.DownloadAsync(client, "stream.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_seekable_stream_is_read_from_its_position()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 100, seed: 4);
        using var stream = new MemoryStream(data) { Position = 100 };

        var result = await client.UploadAsync(Bucket, "seek.bin", stream, harness.UploadOptions());

        result.PartCount.ShouldBe(2);
        (await harness.DownloadAsync(client, "seek.bin")).ShouldBe(data[100..]);
    }

    [Fact]
    public async Task A_file_stream_is_read_from_its_position_and_left_at_its_end_like_any_stream()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 100, seed: 5);
        await using var stream = File.OpenRead(harness.WriteFile(data));
        stream.Position = 100;

        var result = await client.UploadAsync(Bucket, "file-stream.bin", stream, harness.UploadOptions());

        result.PartCount.ShouldBe(2);
        stream.Position.ShouldBe(data.Length);
        (await harness.DownloadAsync(client, "file-stream.bin")).ShouldBe(data[100..]);
    }

    [Fact]
    public async Task Metadata_and_content_type_are_set_on_the_object()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 1, seed: 5);
        var options = new Cos.Generated.Transfer.CosUploadOptions
        {
            ContentType = "text/plain",
            Metadata = new Dictionary<string, string> { ["origin"] = "test" },
            CheckpointDirectory = harness.CheckpointDirectory,
        };

        await client.UploadFileAsync(Bucket, "meta.bin", harness.WriteFile(data), options);

        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "meta.bin" });
        head.ContentType.ShouldBe("text/plain");
        head.Metadata["origin"].ShouldBe("test");
    }
}
