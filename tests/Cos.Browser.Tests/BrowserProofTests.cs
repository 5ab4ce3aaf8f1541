using System.Text.Json;
using Cos.Tests.Shared;
using Cos.Generated;

namespace Cos.Browser.Tests;

/// <summary>
/// The real browser SDK (cos-js-sdk-v5 in headless Chromium) with getAuthorization as its documentation shows,
/// against the sample backend and the emulator: simple upload, a three-part multipart upload of a Blob, a listing and
/// downloads work in each mode, a key outside the allowed prefix is refused, and what the emulator stored is
/// checked byte for byte with our own client.
/// </summary>
public sealed class BrowserProofTests(BrowserProofFixture fixture) : IClassFixture<BrowserProofFixture>
{
    [ChromiumFact]
    public async Task Format1_temporary_keys_with_ScopeLimit_get_one_key_per_request_scope()
    {
        var (environment, run) = await fixture.GetAsync();
        var result = BrowserProofFixture.ResultOf(run, "format1-scope");
        await AssertOperationsAsync(environment, run, result, "format1-scope");

        var calls = Calls(result);
        calls.ShouldAllBe(call => call.Path == "POST /sts", run.ToString());
        var granted = calls.Where(call => call.Status == 200).SelectMany(call => call.Actions).ToHashSet();
        var @base = ExpectedContent.Base("format1-scope");
        foreach (var expected in new[]
        {
            $"name/cos:PutObject {@base}hello.txt",
            $"name/cos:InitiateMultipartUpload {@base}large.bin",
            $"name/cos:UploadPart {@base}large.bin",
            $"name/cos:CompleteMultipartUpload {@base}large.bin",
            $"name/cos:GetBucket {@base}",
            $"name/cos:GetObject {@base}hello.txt",
            $"name/cos:GetObject {@base}large.bin",
        })
        {
            granted.ShouldContain(expected, run.ToString());
        }

        // The scope outside the prefix is refused by the backend before any key exists for it.
        calls.Last().ShouldBe(new Call("POST /sts", 403, ["name/cos:PutObject outside/format1-scope.txt"]), run.ToString());
        Refusal(result).GetProperty("backendStatus").GetInt32().ShouldBe(403, run.ToString());
    }

    [ChromiumFact]
    public async Task Format1_temporary_keys_for_the_prefix_are_fetched_once_and_COS_enforces_their_policy()
    {
        var (environment, run) = await fixture.GetAsync();
        var result = BrowserProofFixture.ResultOf(run, "format1");
        await AssertOperationsAsync(environment, run, result, "format1");

        // One GET /sts: the SDK caches the key and signs every request itself.
        Calls(result).ShouldBe([new Call("GET /sts", 200, [])], run.ToString());

        // Outside the prefix the key signs fine, and the emulator refuses it by the key's policy.
        var error = Refusal(result).GetProperty("error");
        error.GetProperty("statusCode").GetInt32().ShouldBe(403, run.ToString());
        error.GetProperty("code").GetString().ShouldBe("AccessDenied", run.ToString());
    }

    [ChromiumFact]
    public async Task Format2_signatures_from_the_backend_work_and_keys_outside_the_prefix_are_not_signed()
    {
        var (environment, run) = await fixture.GetAsync();
        var result = BrowserProofFixture.ResultOf(run, "format2");
        await AssertOperationsAsync(environment, run, result, "format2");

        var calls = Calls(result);
        calls.ShouldAllBe(call => call.Path == "POST /sign", run.ToString());
        // put, initiate, three parts, complete, list, two gets: one signature each (at least; the SDK may also list uploads).
        calls.Count(call => call.Status == 200).ShouldBeGreaterThanOrEqualTo(9, run.ToString());
        calls.Last().Status.ShouldBe(403, run.ToString());
        Refusal(result).GetProperty("backendStatus").GetInt32().ShouldBe(403, run.ToString());
    }

    /// <summary>Every step the page reports, then the emulator's objects read back with our own client.</summary>
    private static async Task AssertOperationsAsync(ProofEnvironment environment, NodeRunResult run, JsonElement result, string mode)
    {
        var steps = result.GetProperty("steps");
        var @base = ExpectedContent.Base(mode);
        foreach (var step in new[] { "putObject", "sliceUploadFile", "getBucket", "getObject", "getLargeObject" })
        {
            steps.GetProperty(step).GetProperty("ok").GetBoolean().ShouldBeTrue($"{mode} {step}: {steps.GetProperty(step)}\n{run}");
        }

        // ETags are readable only because the CORS rule exposes them; the multipart one names its three parts.
        steps.GetProperty("putObject").GetProperty("etag").GetString().ShouldNotBeNullOrEmpty(run.ToString());
        steps.GetProperty("sliceUploadFile").GetProperty("etag").GetString().ShouldEndWith("-3\"", Case.Sensitive, run.ToString());
        steps.GetProperty("getBucket").GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ShouldBe([$"{@base}hello.txt", $"{@base}large.bin"], run.ToString());
        steps.GetProperty("getObject").GetProperty("equal").GetBoolean().ShouldBeTrue(run.ToString());
        steps.GetProperty("getLargeObject").GetProperty("length").GetInt32().ShouldBe(ExpectedContent.LargeLength, run.ToString());
        steps.GetProperty("getLargeObject").GetProperty("equal").GetBoolean().ShouldBeTrue(run.ToString());
        Refusal(result).GetProperty("refused").GetBoolean().ShouldBeTrue(run.ToString());

        using var admin = environment.CreateAdminClient();
        (await ReadAsync(admin, $"{@base}hello.txt")).ShouldBe(ExpectedContent.Text(mode));
        (await ReadAsync(admin, $"{@base}large.bin")).ShouldBe(ExpectedContent.Large());
        var head = await admin.HeadObjectAsync(new HeadObjectRequest { Bucket = ProofEnvironment.Bucket, Key = $"{@base}large.bin" });
        head.ETag.ShouldEndWith("-3\"");
        var missing = await Should.ThrowAsync<CosException>(() => admin.HeadObjectAsync(new HeadObjectRequest { Bucket = ProofEnvironment.Bucket, Key = $"outside/{mode}.txt" }));
        missing.StatusCode.ShouldBe(404, "the refused upload must not be stored");
    }

    private static async Task<byte[]> ReadAsync(CosClient client, string key)
    {
        await using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = ProofEnvironment.Bucket, Key = key });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static JsonElement Refusal(JsonElement result) => result.GetProperty("steps").GetProperty("outsidePrefix");

    private sealed record Call(string Path, int Status, IReadOnlyList<string> Actions)
    {
        public bool Equals(Call? other) => other is not null && Path == other.Path && Status == other.Status && Actions.SequenceEqual(other.Actions);

        public override int GetHashCode() => HashCode.Combine(Path, Status);

        public override string ToString() => $"{Path} {Status} [{string.Join(", ", Actions)}]";
    }

    private static List<Call> Calls(JsonElement result) => result.GetProperty("backendCalls").EnumerateArray()
        .Select(call => new Call(
            call.GetProperty("path").GetString()!,
            call.GetProperty("status").GetInt32(),
            call.TryGetProperty("actions", out var actions) ? actions.EnumerateArray().Select(a => a.GetString()!).ToArray() : []))
        .ToList();
}
