using System.Diagnostics;
using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary><see cref="FaultRule.NeverAnswer"/>: the request is taken in full, then nothing comes back until the client leaves.</summary>
public sealed class NeverAnswerTests
{
    [Fact]
    public async Task The_body_is_read_no_answer_comes_and_the_request_is_released_when_the_client_gives_up()
    {
        await using var cos = await Emulators.StartAsync();
        var rule = cos.Faults.Add(new FaultRule { Operation = "PutObject", NeverAnswer = true, Times = 1 });
        // Larger than the connection buffers: it is sent in full only if the server reads it.
        var body = new MemoryStream(Emulators.Bytes(4 * 1024 * 1024));
        var request = RawRequests.Create(cos, HttpMethod.Put, "/silent.bin");
        request.Content = new StreamContent(body);

        using (var http = Emulators.Raw(cos))
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1.5)))
        {
            await Should.ThrowAsync<OperationCanceledException>(() => http.SendAsync(request, giveUp.Token));
        }

        body.Position.ShouldBe(body.Length);
        rule.Fired.ShouldBe(1);
        await Emulators.WaitUntilAsync(() => cos.Requests.Single().Completed, "the abandoned request is released");
        cos.Requests.Single().Aborted.ShouldBeTrue();

        using var client = Emulators.Client(cos, maxRetries: 0);
        (await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "silent.bin" }))).StatusCode.ShouldBe(404);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "silent.bin", Body = new MemoryStream([1, 2, 3]) });
    }

    [Fact]
    public async Task Stopping_the_emulator_releases_a_request_it_never_answered_at_once()
    {
        var cos = await Emulators.StartAsync();
        cos.Faults.Add(new FaultRule { Operation = "GetBucket", NeverAnswer = true });
        using var http = Emulators.Raw(cos);
        var pending = http.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/"));
        await Emulators.WaitUntilAsync(() => cos.Requests.Count == 1, "the request arrives");

        var stopping = Stopwatch.StartNew();
        await cos.DisposeAsync();

        // Not the 5 s shutdown timeout of a server waiting for its requests to finish.
        stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        await Should.ThrowAsync<HttpRequestException>(() => pending);
    }
}
