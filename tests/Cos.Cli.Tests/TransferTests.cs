using System.Text.Json;
using Cos.Generated;

namespace Cos.Cli.Tests;

/// <summary>cp, sync, cat and rm through the cos binary against the emulator; what landed is read back with the SDK.</summary>
public sealed class TransferTests(EmulatorFixture cos) : IClassFixture<EmulatorFixture>
{
    private const string Bucket = EmulatorFixture.Bucket;

    /// <summary>A small site: nested directories, an empty file, a name with a space, and one file big enough for a multipart upload.</summary>
    private static Dictionary<string, byte[]> Site() => new(StringComparer.Ordinal)
    {
        ["index.html"] = "<h1>hello</h1>"u8.ToArray(),
        ["css/site.css"] = "body { color: red }"u8.ToArray(),
        ["js/app.js"] = "console.log(1)"u8.ToArray(),
        ["img/logo one.png"] = LocalFiles.Random(70_000, 1),
        ["data/empty.txt"] = [],
        ["data/deep/large.bin"] = LocalFiles.Random(3 * 1024 * 1024 + 123, 2),
    };

    [Fact]
    public async Task Cp_r_uploads_a_tree_and_downloads_it_back_byte_identical()
    {
        var source = LocalFiles.NewDirectory();
        var site = Site();
        foreach (var (name, bytes) in site)
        {
            LocalFiles.Write(source, name, bytes);
        }

        var up = (await cos.RunAsync(source, "cp", "-r", ".", $"cos://{Bucket}/cp-tree/")).ShouldSucceed();
        up.Lines.Count.ShouldBe(site.Count, up.Describe());
        up.Stdout.ShouldContain($"upload: ./data/deep/large.bin -> cos://{Bucket}/cp-tree/data/deep/large.bin".Replace('/', '/'));
        (await cos.ObjectsAsync("cp-tree/")).ShouldEqual(site);

        var head = await cos.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "cp-tree/css/site.css" });
        head.ContentType.ShouldBe("text/css; charset=utf-8");

        var target = LocalFiles.NewDirectory();
        (await cos.RunAsync(target, "cp", "-r", $"cos://{Bucket}/cp-tree", "copy")).ShouldSucceed();
        LocalFiles.Read(Path.Combine(target, "copy")).ShouldEqual(site);
    }

    [Fact]
    public async Task Cp_of_one_file_appends_its_name_to_a_prefix_and_cat_prints_it()
    {
        var directory = LocalFiles.NewDirectory();
        LocalFiles.Write(directory, "note.txt", "a note\n"u8.ToArray());
        (await cos.RunAsync(directory, "cp", "note.txt", $"cos://{Bucket}/single/")).ShouldSucceed();
        (await cos.RunAsync(directory, "cat", $"cos://{Bucket}/single/note.txt")).ShouldSucceed().Stdout.ShouldBe("a note\n");

        (await cos.RunAsync(directory, "cp", $"cos://{Bucket}/single/note.txt", "back.txt")).ShouldSucceed();
        File.ReadAllText(Path.Combine(directory, "back.txt")).ShouldBe("a note\n");
    }

    [Fact]
    public async Task Cp_from_stdin_uploads_the_piped_bytes()
    {
        var bytes = LocalFiles.Random(1_500_000, 3);
        (await cos.RunWithStdinAsync(LocalFiles.NewDirectory(), bytes, "cp", "-", $"cos://{Bucket}/stdin/blob.bin")).ShouldSucceed();
        (await cos.ObjectsAsync("stdin/"))["blob.bin"].SequenceEqual(bytes).ShouldBeTrue();
    }

    [Fact]
    public async Task Cp_cos_to_cos_copies_objects_under_a_prefix()
    {
        await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "copy-src/a.txt", Body = new MemoryStream("A"u8.ToArray()) });
        await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "copy-src/sub/b.txt", Body = new MemoryStream("B"u8.ToArray()) });
        (await cos.RunAsync(LocalFiles.NewDirectory(), "cp", "-r", $"cos://{Bucket}/copy-src/", $"cos://{Bucket}/copy-dst/")).ShouldSucceed();
        var copied = await cos.ObjectsAsync("copy-dst/");
        copied.Keys.Order(StringComparer.Ordinal).ShouldBe(["a.txt", "sub/b.txt"]);
        copied["sub/b.txt"].ShouldBe("B"u8.ToArray());
    }

    [Fact]
    public async Task Include_and_exclude_select_what_is_uploaded()
    {
        var source = LocalFiles.NewDirectory();
        foreach (var name in new[] { "a.txt", "b.log", "logs/c.txt", "logs/old/d.txt", "keep/e.tmp" })
        {
            LocalFiles.Write(source, name, "x"u8.ToArray());
        }

        (await cos.RunAsync(source, "cp", "-r", ".", $"cos://{Bucket}/filtered/", "--include", "*.txt", "--exclude", "logs/old/**")).ShouldSucceed();
        (await cos.ObjectsAsync("filtered/")).Keys.Order(StringComparer.Ordinal).ShouldBe(["a.txt", "logs/c.txt"]);
    }

    [Fact]
    public async Task Sync_sends_new_and_changed_files_finds_a_same_size_change_by_CRC64_and_deletes_with_delete()
    {
        var source = LocalFiles.NewDirectory();
        var site = Site();
        foreach (var (name, bytes) in site)
        {
            LocalFiles.Write(source, name, bytes);
        }

        (await cos.RunAsync(source, "sync", ".", $"cos://{Bucket}/sync/")).ShouldSucceed();
        (await cos.ObjectsAsync("sync/")).ShouldEqual(site);

        // Same size, other bytes: only the CRC-64 can tell. Plus a new file and a deleted one.
        site["css/site.css"] = "body { color: blu }"u8.ToArray();
        site["new.txt"] = "new"u8.ToArray();
        site.Remove("js/app.js");
        LocalFiles.Write(source, "css/site.css", site["css/site.css"]);
        LocalFiles.Write(source, "new.txt", site["new.txt"]);
        File.Delete(Path.Combine(source, "js", "app.js"));

        var plan = (await cos.RunAsync(source, "sync", ".", $"cos://{Bucket}/sync/", "--delete", "--dry-run", "-o", "json")).ShouldSucceed();
        var planned = Items(plan.Stdout);
        planned.ShouldBe([("delete", $"cos://{Bucket}/sync/js/app.js"), ("upload", "./css/site.css"), ("upload", "./new.txt")], ignoreOrder: true);
        (await cos.ObjectsAsync("sync/")).ContainsKey("js/app.js").ShouldBeTrue("a dry run changed nothing");

        var sizeOnly = (await cos.RunAsync(source, "sync", ".", $"cos://{Bucket}/sync/", "--size-only", "--dry-run", "-o", "json")).ShouldSucceed();
        Items(sizeOnly.Stdout).ShouldBe([("upload", "./new.txt")]);

        (await cos.RunAsync(source, "sync", ".", $"cos://{Bucket}/sync/", "--delete")).ShouldSucceed();
        (await cos.ObjectsAsync("sync/")).ShouldEqual(site);

        var again = (await cos.RunAsync(source, "sync", ".", $"cos://{Bucket}/sync/", "--delete", "-o", "json")).ShouldSucceed();
        Items(again.Stdout).ShouldBeEmpty();

        // And back down into a directory that has a stray file of its own.
        var target = LocalFiles.NewDirectory();
        LocalFiles.Write(target, "stray.txt", "stray"u8.ToArray());
        (await cos.RunAsync(target, "sync", $"cos://{Bucket}/sync/", ".", "--delete")).ShouldSucceed();
        LocalFiles.Read(target).ShouldEqual(site);
    }

    [Fact]
    public async Task Rm_r_deletes_what_matches_and_keeps_the_rest()
    {
        foreach (var key in new[] { "rm/a.txt", "rm/b.log", "rm/sub/c.txt", "rmx/d.txt" })
        {
            await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream("x"u8.ToArray()) });
        }

        var result = (await cos.RunAsync(LocalFiles.NewDirectory(), "rm", "-r", $"cos://{Bucket}/rm", "--exclude", "*.log")).ShouldSucceed();
        result.Lines.ShouldBe([$"delete: cos://{Bucket}/rm/a.txt", $"delete: cos://{Bucket}/rm/sub/c.txt"]);
        (await cos.ObjectsAsync("rm")).Keys.Order(StringComparer.Ordinal).ShouldBe(["/b.log", "x/d.txt"]);
    }

    [Fact]
    public async Task A_key_that_would_leave_the_target_directory_is_skipped_on_download()
    {
        // COS takes any key; a hostile one must not make a download write outside the directory asked for.
        await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "evil/../../escaped.txt", Body = new MemoryStream("x"u8.ToArray()) });
        await cos.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "evil/fine.txt", Body = new MemoryStream("ok"u8.ToArray()) });
        var root = LocalFiles.NewDirectory();
        var target = Path.Combine(root, "a", "b");
        var result = await cos.RunAsync(root, "cp", "-r", $"cos://{Bucket}/evil/", target);
        result.ExitCode.ShouldBe(0, result.Describe());
        result.Stderr.ShouldContain("skipped");
        LocalFiles.Read(root).Keys.ShouldBe(["a/b/fine.txt"]);
    }

    [UnixFact]
    public async Task A_tree_upload_follows_file_links_not_directory_links_and_leaves_partial_downloads_alone()
    {
        var outside = LocalFiles.NewDirectory();
        LocalFiles.Write(outside, "elsewhere.txt", "outside"u8.ToArray());
        var source = LocalFiles.NewDirectory();
        LocalFiles.Write(source, "real.txt", "real"u8.ToArray());
        LocalFiles.Write(source, "big.iso.cosdownload", "partial"u8.ToArray());
        LocalFiles.Write(source, "big.iso.cosdownload.json", "{}"u8.ToArray());
        File.CreateSymbolicLink(Path.Combine(source, "linked.txt"), Path.Combine(outside, "elsewhere.txt"));
        Directory.CreateSymbolicLink(Path.Combine(source, "loop"), source);
        Directory.CreateSymbolicLink(Path.Combine(source, "outside"), outside);

        (await cos.RunAsync(source, "cp", "-r", ".", $"cos://{Bucket}/links/")).ShouldSucceed();
        var uploaded = await cos.ObjectsAsync("links/");
        uploaded.Keys.Order(StringComparer.Ordinal).ShouldBe(["linked.txt", "real.txt"]);
        uploaded["linked.txt"].ShouldBe("outside"u8.ToArray());
    }

    private static List<(string Action, string Source)> Items(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("action").GetString()!, i.GetProperty("source").GetString()!))];
    }
}
