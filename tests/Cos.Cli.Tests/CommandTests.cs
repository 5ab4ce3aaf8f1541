using System.Net.Sockets;
using System.Text.Json;
using Cos.Generated;

namespace Cos.Cli.Tests;

/// <summary>ls, stat, presign, mb/rb, settings and exit codes through the cos binary against the emulator.</summary>
public sealed class CommandTests(EmulatorFixture cos) : IClassFixture<EmulatorFixture>
{
    private const string Bucket = EmulatorFixture.Bucket;

    [Fact]
    public async Task Ls_lists_one_level_with_directories_or_everything_with_r_and_as_JSON()
    {
        foreach (var key in new[] { "ls/a.txt", "ls/sub/b.txt", "ls/sub/deeper/c.txt" })
        {
            await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream("12345"u8.ToArray()) });
        }

        var level = (await cos.RunAsync(LocalFiles.NewDirectory(), "ls", $"cos://{Bucket}/ls/")).ShouldSucceed();
        level.Lines.Count.ShouldBe(2, level.Describe());
        level.Lines.ShouldContain(l => l.Contains("DIR") && l.EndsWith($"cos://{Bucket}/ls/sub/", StringComparison.Ordinal));
        level.Lines.ShouldContain(l => l.Contains(" 5  ") && l.EndsWith($"cos://{Bucket}/ls/a.txt", StringComparison.Ordinal));

        var all = (await cos.RunAsync(LocalFiles.NewDirectory(), "ls", "-r", $"cos://{Bucket}/ls/", "--output", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(all.Stdout);
        var items = document.RootElement.EnumerateArray().ToList();
        items.Select(i => i.GetProperty("key").GetString()).ShouldBe(["ls/a.txt", "ls/sub/b.txt", "ls/sub/deeper/c.txt"]);
        items.ShouldAllBe(i => i.GetProperty("size").GetInt64() == 5 && i.GetProperty("etag").GetString() == "\"827ccb0eea8a706c4c34a16891f84e7b\"");
    }

    [Fact]
    public async Task Ls_without_a_uri_lists_the_buckets()
    {
        var result = (await cos.RunAsync(LocalFiles.NewDirectory(), "ls", "-o", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(result.Stdout);
        document.RootElement.EnumerateArray().Select(b => b.GetProperty("name").GetString()).ShouldContain(Bucket);
    }

    [Fact]
    public async Task Stat_shows_size_CRC64_and_metadata_and_a_missing_object_exits_4()
    {
        var body = "stat me"u8.ToArray();
        await cos.Client.PutObjectAsync(new PutObjectRequest
        {
            Bucket = Bucket, Key = "stat/x.txt", Body = new MemoryStream(body), ContentType = "text/plain",
            Metadata = new Dictionary<string, string> { ["owner"] = "ops" },
        });
        var result = (await cos.RunAsync(LocalFiles.NewDirectory(), "stat", $"cos://{Bucket}/stat/x.txt", "-o", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        root.GetProperty("size").GetInt64().ShouldBe(body.Length);
        root.GetProperty("crc64").GetString().ShouldBe(Crc64Ecma(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        root.GetProperty("contentType").GetString().ShouldBe("text/plain");
        root.GetProperty("metadata").GetProperty("owner").GetString().ShouldBe("ops");

        var missing = await cos.RunAsync(LocalFiles.NewDirectory(), "stat", $"cos://{Bucket}/stat/none.txt");
        missing.ExitCode.ShouldBe(4, missing.Describe());
        missing.Stderr.ShouldContain("NoSuchKey");

        var missingJson = await cos.RunAsync(LocalFiles.NewDirectory(), "stat", $"cos://{Bucket}/stat/none.txt", "-o", "json");
        missingJson.ExitCode.ShouldBe(4);
        using var error = JsonDocument.Parse(missingJson.Stdout);
        error.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("NoSuchKey");
        error.RootElement.GetProperty("error").GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task A_presigned_URL_is_fetched_and_a_presigned_PUT_uploads_with_a_plain_HttpClient()
    {
        await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "presign/a b.txt", Body = new MemoryStream("presigned"u8.ToArray()) });
        var url = (await cos.RunAsync(LocalFiles.NewDirectory(), "presign", $"cos://{Bucket}/presign/a b.txt", "--expires", "5m")).ShouldSucceed().Lines.Single();
        url.ShouldStartWith($"http://{Bucket}.cos.ap-guangzhou.localhost:{cos.Emulator.Port}/presign/a%20b.txt?");
        url.ShouldContain("q-signature=");

        using var http = LocalhostClient();
        (await http.GetStringAsync(url)).ShouldBe("presigned");

        var put = (await cos.RunAsync(LocalFiles.NewDirectory(), "presign", $"cos://{Bucket}/presign/put.txt", "--method", "PUT")).ShouldSucceed().Lines.Single();
        (await http.PutAsync(put, new ByteArrayContent("via url"u8.ToArray()))).EnsureSuccessStatusCode();
        (await cos.ObjectsAsync("presign/"))["put.txt"].ShouldBe("via url"u8.ToArray());

        // The signature covers the method: the GET URL does not allow a PUT.
        (await http.PutAsync(url, new ByteArrayContent("x"u8.ToArray()))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Mb_makes_a_bucket_rb_refuses_a_full_one_and_rb_force_empties_and_removes_it()
    {
        const string bucket = "made-1250000000";
        var directory = LocalFiles.NewDirectory();
        (await cos.RunAsync(directory, "mb", $"cos://{bucket}")).ShouldSucceed();
        LocalFiles.Write(directory, "f.txt", "f"u8.ToArray());
        (await cos.RunAsync(directory, "cp", "f.txt", $"cos://{bucket}/f.txt")).ShouldSucceed();
        await cos.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = bucket, Key = "unfinished.bin" });

        var refused = await cos.RunAsync(directory, "rb", $"cos://{bucket}");
        refused.ExitCode.ShouldBe(1, refused.Describe());
        refused.Stderr.ShouldContain("--force");

        (await cos.RunAsync(directory, "rb", $"cos://{bucket}", "--force")).ShouldSucceed();
        var gone = await Should.ThrowAsync<CosException>(() => cos.Client.HeadBucketAsync(new HeadBucketRequest { Bucket = bucket }));
        gone.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Settings_come_from_a_profile_file_and_keys_never_from_arguments()
    {
        var config = Path.Combine(cos.Cli.Home, "profiles");
        await File.WriteAllTextAsync(config, $"""
            # a comment
            [default]
            region = ap-beijing

            [emulator]
            secret_id = {cos.Emulator.SecretId}
            secret_key = {cos.Emulator.Options.SecretKey}
            endpoint = {cos.Emulator.Endpoint.GetLeftPart(UriPartial.Authority)}
            """);
        var env = new Dictionary<string, string> { ["COS_CONFIG_FILE"] = config };
        (await cos.Cli.RunAsync(env, LocalFiles.NewDirectory(), null, "ls", "--profile", "emulator", "-o", "json")).ShouldSucceed().Stdout.ShouldContain(Bucket);

        var missing = await cos.Cli.RunAsync(env, LocalFiles.NewDirectory(), null, "ls", "--profile", "nope");
        missing.ExitCode.ShouldBe(2, missing.Describe());
        missing.Stderr.ShouldContain("profile 'nope'");

        var noKeys = await cos.Cli.RunAsync(env, LocalFiles.NewDirectory(), null, "ls");
        noKeys.ExitCode.ShouldBe(2, noKeys.Describe());
        noKeys.Stderr.ShouldContain("COS_SECRET_ID");

        await File.WriteAllTextAsync(config, "[default]\nsecretid = x\n");
        var typo = await cos.Cli.RunAsync(env, LocalFiles.NewDirectory(), null, "ls");
        typo.ExitCode.ShouldBe(2, typo.Describe());
        typo.Stderr.ShouldContain("line 2: unknown setting 'secretid'");

        var keyOption = await cos.RunAsync(LocalFiles.NewDirectory(), "ls", "--secret-key", "x");
        keyOption.ExitCode.ShouldBe(2, keyOption.Describe());
    }

    [Theory]
    [InlineData("cos://nobucketappid/key", "has no APPID")]
    [InlineData("cos:///key", "names no bucket")]
    [InlineData("cos://Upper-1250000000/key", "lowercase")]
    public async Task A_bad_uri_is_a_usage_error(string uri, string message)
    {
        var result = await cos.RunAsync(LocalFiles.NewDirectory(), "stat", uri);
        result.ExitCode.ShouldBe(2, result.Describe());
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_a_partial_failure_exits_3()
    {
        (await cos.RunAsync(LocalFiles.NewDirectory(), "cp", "a", "b")).ExitCode.ShouldBe(2);
        (await cos.RunAsync(LocalFiles.NewDirectory(), "frobnicate")).ExitCode.ShouldBe(2);
        (await cos.RunAsync(LocalFiles.NewDirectory(), "cp", "missing.txt", $"cos://{Bucket}/x")).ExitCode.ShouldBe(4);

        var directory = LocalFiles.NewDirectory();
        LocalFiles.Write(directory, "ok.txt", "ok"u8.ToArray());
        LocalFiles.Write(directory, "bad.txt", "bad"u8.ToArray());
        var fault = cos.Emulator.Faults.Add(new Cos.Emulator.Faults.FaultRule { Operation = "PutObject", KeyPattern = "partial/bad.txt", Status = 403, ErrorCode = "AccessDenied" });
        try
        {
            var result = await cos.RunAsync(directory, "cp", "-r", ".", $"cos://{Bucket}/partial/");
            result.ExitCode.ShouldBe(3, result.Describe());
            result.Stderr.ShouldContain("failed: upload: ./bad.txt");
            result.Stderr.ShouldContain("AccessDenied");
        }
        finally
        {
            cos.Emulator.Faults.Remove(fault);
        }
    }

    [Fact]
    public async Task A_refused_request_with_a_temporary_token_never_prints_the_secret_key_or_the_token()
    {
        const string secretKey = "do-not-print-this-secret-key-0123456789";
        const string token = "do-not-print-this-session-token-0123456789";
        var env = new Dictionary<string, string> { ["COS_SECRET_KEY"] = secretKey, ["COS_SECURITY_TOKEN"] = token };
        foreach (var args in new[] { new[] { "ls" }, ["stat", $"cos://{Bucket}/x"], ["cp", "-r", ".", $"cos://{Bucket}/secret/"], ["ls", "-o", "json"] })
        {
            var directory = LocalFiles.NewDirectory();
            LocalFiles.Write(directory, "f.txt", "f"u8.ToArray());
            var result = await cos.RunAsync(directory, env, args);
            result.ExitCode.ShouldNotBe(0, result.Describe());
            (result.Stdout + result.Stderr).ShouldNotContain(secretKey);
            (result.Stdout + result.Stderr).ShouldNotContain(token);
        }
    }

    /// <summary>An HttpClient that connects every *.localhost name to 127.0.0.1, as curl and browsers resolve them.</summary>
    private static HttpClient LocalhostClient() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            context.DnsEndPoint.Host.ShouldEndWith(".localhost");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    /// <summary>CRC-64/ECMA-182 as COS computes it (reflected, all ones in and out), bit by bit: an oracle independent of the SDK's table-driven one.</summary>
    private static ulong Crc64Ecma(byte[] data)
    {
        const ulong reflectedPolynomial = 0xC96C5795D7870F42;
        var crc = ulong.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }
        }

        return ~crc;
    }
}
