using System.Collections.Concurrent;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "cos-emulator-conc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parallel_writers_of_one_key_and_readers_never_see_a_torn_object(bool onDisk)
    {
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions
        {
            Buckets = [new EmulatorBucket(Emulators.Bucket)],
            DataDirectory = onDisk ? _dataDir : null,
        });
        using var client = Emulators.Client(cos);
        var versions = Enumerable.Range(0, 8).Select(i => Emulators.Bytes(200_000 + i, seed: 100 + i)).ToArray();
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "hot", Body = new MemoryStream(versions[0]) });

        var reads = new ConcurrentBag<byte[]>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "hot" });
                reads.Add(await Emulators.ReadAllAsync(get.Body));
            }
        })).ToArray();

        var writers = versions.Select(v => Task.Run(() => client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "hot", Body = new MemoryStream(v) }))).ToArray();
        await Task.WhenAll(writers);
        await Task.Delay(50);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        reads.ShouldNotBeEmpty();
        foreach (var read in reads)
        {
            versions.Any(v => v.AsSpan().SequenceEqual(read)).ShouldBeTrue("every read is one complete version");
        }

        await using var final = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "hot" });
        var last = await Emulators.ReadAllAsync(final.Body);
        versions.Any(v => v.AsSpan().SequenceEqual(last)).ShouldBeTrue();
        (await client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket }).CountAsync()).ShouldBe(1);
    }
}
