using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>The .nupkg that <c>dotnet pack</c> makes of the task project (the one the other tests install).</summary>
[Collection(TaskPackageCollection.Name)]
public sealed class PackageLayoutTests(TaskPackageFixture fixture)
{
    private const string Tasks = "tasks/net10.0/";

    [Fact]
    public void The_package_has_the_task_under_tasks_net10_and_props_targets_under_build_and_nothing_else_to_reference()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        entries.ShouldContain("build/Cos.Generated.MSBuild.props");
        entries.ShouldContain("build/Cos.Generated.MSBuild.targets");
        entries.ShouldContain(Tasks + "Cos.Generated.MSBuild.dll");
        entries.ShouldContain(Tasks + "Cos.Generated.dll");
        entries.ShouldContain(Tasks + "System.IO.Hashing.dll");
        entries.ShouldNotContain(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        entries.ShouldNotContain(e => e.StartsWith(Tasks + "Microsoft.Build", StringComparison.Ordinal)); // MSBuild brings its own

        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        metadata.Element(ns + "developmentDependency")?.Value.ShouldBe("true");
        metadata.Element(ns + "dependencies").ShouldBeNull();
    }

    /// <summary>
    /// Every assembly the packed assemblies reference is packed too, or is part of .NET or MSBuild: so a dependency
    /// Cos.Generated gains later travels with the task without anyone listing it.
    /// </summary>
    [Fact]
    public void Every_assembly_the_task_needs_is_in_its_folder_or_provided_by_NET_or_MSBuild()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var packed = package.Entries.Where(e => e.FullName.StartsWith(Tasks, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        var packedNames = packed.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var missing = new List<string>();

        foreach (var entry in packed)
        {
            using var bytes = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.AssemblyReferences)
            {
                var name = reader.GetString(reader.GetAssemblyReference(handle).Name);
                var provided = packedNames.Contains(name)
                    || File.Exists(Path.Combine(framework, name + ".dll"))
                    || name.StartsWith("Microsoft.Build", StringComparison.Ordinal);
                if (!provided)
                {
                    missing.Add($"{entry.Name} -> {name}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void The_targets_run_the_task_in_a_task_host_from_the_packed_folder()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var targets = XDocument.Load(package.GetEntry("build/Cos.Generated.MSBuild.targets")!.Open());
        var props = XDocument.Load(package.GetEntry("build/Cos.Generated.MSBuild.props")!.Open());

        var usingTask = targets.Root!.Elements("UsingTask").Single();
        usingTask.Attribute("TaskFactory")!.Value.ShouldBe("TaskHostFactory");
        usingTask.Attribute("AssemblyFile")!.Value.ShouldBe("$(CosUploadTaskAssembly)");
        props.Root!.Descendants("CosUploadTaskAssembly").Single().Value.ShouldContain("'tasks', 'net10.0', 'Cos.Generated.MSBuild.dll'");
    }
}
