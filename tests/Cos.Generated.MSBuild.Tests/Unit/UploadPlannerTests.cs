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
}
