using Cos.Generated.Transfer;
using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild.Tests.Unit;

public sealed class UploadPlannerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cos-planner-tests-" + Guid.NewGuid().ToString("N"));

    public UploadPlannerTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string File(string relative, string text = "x")
    {
        var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static TaskItem Item(string path, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(path);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    [Fact]
    public void Keys_are_the_Key_metadata_or_the_prefix_with_RecursiveDir_and_file_name()
    {
        var planner = new UploadPlanner("/web", new ObjectDefaults());

        planner.AddFiles([
            Item(File("readme.txt"), ("Key", "/docs/readme.txt")),
            Item(File("site/js/app.js"), ("RecursiveDir", "js/")),
            Item(File("site/index.html")),
        ]);

        planner.Diagnostics.ShouldBeEmpty();
        planner.KeyPrefix.ShouldBe("web/");
        planner.Uploads.Select(u => u.Key).ShouldBe(["docs/readme.txt", "web/js/app.js", "web/index.html"]);
    }

    [Fact]
    public void Item_metadata_wins_over_task_defaults_which_win_over_the_extension()
    {
        var defaults = new ObjectDefaults
        {
            CacheControl = "max-age=60",
            ContentType = "application/x-default",
            StorageClass = "standard_ia",
            Metadata = new Dictionary<string, string> { ["build"] = "42", ["team"] = "a" },
        };
        var planner = new UploadPlanner(string.Empty, defaults);

        planner.AddFiles([
            Item(File("a.html"), ("ContentType", "text/x-mine"), ("CacheControl", "no-cache"), ("ContentDisposition", "inline"), ("x-cos-meta-Team", "b")),
            Item(File("b.html")),
        ]);
        var withoutDefaults = new UploadPlanner(string.Empty, new ObjectDefaults());
        withoutDefaults.AddFiles([Item(File("c.html"))]);

        var a = planner.Uploads[0].Options;
        (a.ContentType, a.CacheControl, a.ContentDisposition, a.StorageClass?.Value).ShouldBe(("text/x-mine", "no-cache", "inline", "STANDARD_IA"));
        a.Metadata.ShouldNotBeNull().OrderBy(p => p.Key).ShouldBe([new("build", "42"), new("team", "b")]);
        var b = planner.Uploads[1].Options;
        (b.ContentType, b.CacheControl).ShouldBe(("application/x-default", "max-age=60"));
        withoutDefaults.Uploads[0].Options.ContentType.ShouldBe("text/html; charset=utf-8");
        withoutDefaults.Uploads[0].Options.Metadata.ShouldBeNull();
    }

    [Fact]
    public void Build_uploads_abort_on_failure_and_keep_no_checkpoint()
    {
        var planner = new UploadPlanner(string.Empty, new ObjectDefaults());

        planner.AddFiles([Item(File("a.bin"))]);

        planner.Uploads[0].Options.OnFailure.ShouldBe(CosUploadFailureAction.Abort);
        planner.Uploads[0].Options.Resume.ShouldBeFalse();
    }

    [Fact]
    public void The_same_file_twice_is_uploaded_once_with_a_warning_and_two_files_for_one_key_are_an_error()
    {
        var planner = new UploadPlanner(string.Empty, new ObjectDefaults());
        var a = File("a.txt");

        planner.AddFiles([Item(a), Item(a), Item(File("b.txt"), ("Key", "a.txt"))]);

        planner.Uploads.Select(u => u.FilePath).ShouldBe([a]);
        planner.Diagnostics.Select(d => (d.Code, d.IsError)).ShouldBe([("COS102", false), ("COS004", true)]);
        planner.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_file_is_an_error_and_a_directory_item_a_warning()
    {
        var planner = new UploadPlanner(string.Empty, new ObjectDefaults());
        Directory.CreateDirectory(Path.Combine(_root, "folder"));

        planner.AddFiles([Item(Path.Combine(_root, "missing.txt")), Item(Path.Combine(_root, "folder"))]);

        planner.Uploads.ShouldBeEmpty();
        planner.Diagnostics.Select(d => (d.Code, d.IsError)).ShouldBe([("COS003", true), ("COS104", false)]);
    }

    [Fact]
    public void A_directory_is_filtered_by_the_globs_and_keyed_under_the_prefix_in_ordinal_order()
    {
        File("dir/b.css");
        File("dir/A.css");
        File("dir/img/logo.svg");
        File("dir/legacy/old.css");
        File("dir/notes.txt");
        var planner = new UploadPlanner("static/v1", new ObjectDefaults());

        planner.AddDirectory(Path.Combine(_root, "dir"), GlobPattern.ParseList("**/*.css;**/*.svg"), GlobPattern.ParseList("legacy/**"));

        planner.Diagnostics.ShouldBeEmpty();
        planner.Uploads.Select(u => u.Key).ShouldBe(["static/v1/A.css", "static/v1/b.css", "static/v1/img/logo.svg"]);
    }

    [Fact]
    public void A_missing_source_directory_is_an_error()
    {
        var planner = new UploadPlanner(string.Empty, new ObjectDefaults());

        planner.AddDirectory(Path.Combine(_root, "nope"), [], []);

        planner.Diagnostics.Single().Code.ShouldBe("COS003");
    }

    [Fact]
    public void Acl_and_Tags_metadata_override_and_merge_over_the_task_defaults_and_encryption_and_traffic_limit_apply_to_every_file()
    {
        var defaults = new ObjectDefaults
        {
            Acl = ObjectAcl.PublicRead,
            Tags = new Dictionary<string, string> { ["team"] = "web", ["build"] = "42" },
            ServerSideEncryption = CosServerSideEncryption.SseKms("kms-1"),
            TrafficLimit = 819200,
        };
        var planner = new UploadPlanner(string.Empty, defaults);

        planner.AddFiles([
            Item(File("a.txt"), ("Acl", "Private"), ("Tags", "team=ops; owner = a=b ;")),
            Item(File("b.txt")),
        ]);

        planner.Diagnostics.ShouldBeEmpty();
        var a = planner.Uploads[0].Options;
        a.Acl.ShouldBe(ObjectAcl.Private);
        a.Tags.ShouldNotBeNull().OrderBy(t => t.Key).ShouldBe([new("build", "42"), new("owner", "a=b"), new("team", "ops")]);
        var b = planner.Uploads[1].Options;
        b.Acl.ShouldBe(ObjectAcl.PublicRead);
        b.Tags.ShouldNotBeNull().OrderBy(t => t.Key).ShouldBe([new("build", "42"), new("team", "web")]);
        foreach (var options in new[] { a, b })
        {
            options.ServerSideEncryption.ShouldNotBeNull().Kind.ShouldBe(CosServerSideEncryptionKind.SseKms);
            options.ServerSideEncryption.KmsKeyId.ShouldBe("kms-1");
            options.TrafficLimit.ShouldBe(819200);
        }

        var plain = new UploadPlanner(string.Empty, new ObjectDefaults());
        plain.AddFiles([Item(File("c.txt"))]);
        (plain.Uploads[0].Options.Acl, plain.Uploads[0].Options.Tags, plain.Uploads[0].Options.ServerSideEncryption, plain.Uploads[0].Options.TrafficLimit).ShouldBe((null, null, null, null));
    }

    [Fact]
    public void An_invalid_Acl_or_Tags_item_metadata_is_a_COS002_error_naming_the_file()
    {
        var planner = new UploadPlanner(string.Empty, new ObjectDefaults { Tags = new Dictionary<string, string>(Enumerable.Range(1, 9).Select(i => KeyValuePair.Create($"k{i}", "v"))) });

        planner.AddFiles([
            Item(File("acl.txt"), ("Acl", "public-write")),
            Item(File("eleven.txt"), ("Tags", "x=1;y=2")), // 9 defaults + 2
            Item(File("noequals.txt"), ("Tags", "novalue")),
            Item(File("long.txt"), ("Tags", new string('k', 129) + "=v")),
            Item(File("ten.txt"), ("Tags", "k1=override;x=1")), // 9 defaults, one replaced, one added: 10
        ]);

        planner.Uploads.Select(u => Path.GetFileName(u.FilePath)).ShouldBe(["ten.txt"]);
        planner.Diagnostics.Select(d => (d.Code, d.IsError)).ShouldBe([("COS002", true), ("COS002", true), ("COS002", true), ("COS002", true)]);
        planner.Diagnostics[0].Message.ShouldContain("acl.txt");
        planner.Diagnostics[0].Message.ShouldContain("public-write");
        planner.Diagnostics[1].Message.ShouldContain("at most 10 tags");
    }
}
