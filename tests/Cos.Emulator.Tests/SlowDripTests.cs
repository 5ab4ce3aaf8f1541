using System.Diagnostics;
using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary><see cref="FaultRule.BandwidthBytesPerSecond"/> at a few bytes a second: a drip, never a burst and a silence.</summary>
public sealed class SlowDripTests
{
    [Fact]
    public async Task A_rate_of_a_few_bytes_a_second_sends_the_body_one_byte_at_a_time()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "drip.bin", Body = new MemoryStream(Emulators.Bytes(8)) });
        cos.Faults.Add(new FaultRule { Operation = "GetObject", BandwidthBytesPerSecond = 4, Times = 1 });

        using var http = Emulators.Raw(cos);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/drip.bin"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var arrivals = new List<TimeSpan>();
        var one = new byte[1];
        while (await body.ReadAsync(one) == 1)
        {
            arrivals.Add(clock.Elapsed);
        }

        // 4 B/s: a byte every quarter second, so the 8th cannot leave before 7/4 s after the request (a busy machine may
        // deliver late bytes closer together, never earlier). Before, the first 1 KiB (here all 8 bytes) went at once.
        arrivals.Count.ShouldBe(8);
        arrivals[^1].ShouldBeGreaterThan(TimeSpan.FromSeconds(1.6));
        (arrivals[^1] - arrivals[0]).ShouldBeGreaterThan(TimeSpan.FromSeconds(0.5), "the bytes did not all arrive at once");
    }
}
