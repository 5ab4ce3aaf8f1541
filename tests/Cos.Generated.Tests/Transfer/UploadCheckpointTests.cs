using Cos.Generated.Transfer;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadCheckpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cos-checkpoint-tests-" + Guid.NewGuid().ToString("N"));

    private static UploadCheckpoint Sample() => new()
    {
        FilePath = "/data/video.bin",
        Size = 123,
        LastWriteTimeUtcTicks = 638_000_000_000_000_000,
        PartSize = 1024 * 1024,
        Bucket = "examplebucket-1250000000",
        Region = "ap-guangzhou",
        Key = "videos/video.bin",
        UploadId = "upload-1",
        Created = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_checkpoint_round_trips_and_is_written_without_leaving_temp_files()
    {
        var store = new UploadCheckpointStore(_directory);
        var path = store.PathFor("/data/video.bin", "examplebucket-1250000000", "ap-guangzhou", "videos/video.bin");

        UploadCheckpointStore.Save(path, Sample());
        UploadCheckpointStore.Save(path, Sample()); // replaces atomically

        var loaded = UploadCheckpointStore.TryLoad(path).ShouldNotBeNull();
        loaded.Matches(Sample()).ShouldBeTrue();
        loaded.UploadId.ShouldBe("upload-1");
        loaded.Created.ShouldBe(Sample().Created);
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public void A_changed_file_or_part_size_does_not_match()
    {
        var changed = Sample();
        changed.LastWriteTimeUtcTicks++;
        Sample().Matches(changed).ShouldBeFalse();

        var resized = Sample();
        resized.PartSize *= 2;
        Sample().Matches(resized).ShouldBeFalse();
    }

    [Fact]
    public void Checkpoints_are_named_by_file_and_target()
    {
        var store = new UploadCheckpointStore(_directory);

        store.PathFor("/a", "b", null, "k").ShouldNotBe(store.PathFor("/a", "b", null, "k2"));
        store.PathFor("/a", "b", null, "k").ShouldBe(store.PathFor("/a", "b", null, "k"));
    }

    [Fact]
    public void A_missing_or_unreadable_checkpoint_is_none()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "bad.json");
        UploadCheckpointStore.TryLoad(path).ShouldBeNull();
        File.WriteAllText(path, "[1,2");
        UploadCheckpointStore.TryLoad(path).ShouldBeNull();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
