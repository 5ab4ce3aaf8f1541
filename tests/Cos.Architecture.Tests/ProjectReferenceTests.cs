using System.Reflection;
using System.Xml.Linq;

namespace Cos.Architecture.Tests;

/// <summary>
/// The layering, read from the project files: the generator stands alone; the runtime takes the generator only as an
/// analyzer and never the emulator, MSBuild tasks, samples or tests; the emulator and the MSBuild tasks build on the
/// runtime, not on each other; the cos command line is an app on the runtime and the emulator; samples use only what
/// ships. Tests may reference anything.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>Which top-level folders a project in each folder may reference, and whether only as an analyzer.</summary>
    private static readonly Dictionary<string, (string[] Assemblies, string[] Analyzers)> Allowed = new(StringComparer.Ordinal)
    {
        ["generator"] = ([], []),
        ["runtime"] = (["runtime"], ["generator"]),
        ["emulator"] = (["runtime", "emulator"], ["generator"]),
        ["msbuild"] = (["runtime"], []),
        ["cli"] = (["runtime", "emulator"], []),
        ["samples"] = (["runtime", "emulator", "msbuild"], ["generator"]),
    };

    private static string RepoRoot { get; } = Path.GetFullPath(typeof(ProjectReferenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!);

    [Fact]
    public void Every_project_references_only_the_layers_below_it()
    {
        var projects = Projects().ToList();
        projects.Count.ShouldBeGreaterThan(10, "the project files were found");
        Violations(projects).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("runtime/Cos.Generated/Cos.Generated.csproj", "emulator/Cos.Emulator/Cos.Emulator.csproj", false)]
    [InlineData("runtime/Cos.Generated/Cos.Generated.csproj", "generator/Cos.Generator/Cos.Generator.csproj", false)]
    [InlineData("generator/Cos.Generator/Cos.Generator.csproj", "runtime/Cos.Generated/Cos.Generated.csproj", false)]
    [InlineData("samples/Cos.QuickStart/Cos.QuickStart.csproj", "tests/Cos.Chaos.Tests/Cos.Chaos.Tests.csproj", false)]
    [InlineData("emulator/Cos.Emulator/Cos.Emulator.csproj", "msbuild/Cos.Generated.MSBuild/Cos.Generated.MSBuild.csproj", false)]
    [InlineData("runtime/Cos.Generated/Cos.Generated.csproj", "generator/Cos.Generator/Cos.Generator.csproj", true)]
    [InlineData("runtime/Cos.Generated.Hosting/Cos.Generated.Hosting.csproj", "emulator/Cos.Emulator/Cos.Emulator.csproj", false)]
    [InlineData("runtime/Cos.Generated/Cos.Generated.csproj", "cli/Cos.Cli/Cos.Cli.csproj", false)]
    [InlineData("cli/Cos.Cli/Cos.Cli.csproj", "tests/Cos.Cli.Tests/Cos.Cli.Tests.csproj", false)]
    public void A_forbidden_reference_is_caught(string from, string to, bool asAnalyzer)
    {
        // The check on a project list with one reference added, as a careless edit would add it.
        var projects = Projects().ToList();
        var index = projects.FindIndex(p => p.Path == from);
        index.ShouldBeGreaterThanOrEqualTo(0);
        projects[index] = projects[index] with { References = [.. projects[index].References, new Reference(to, asAnalyzer)] };

        var violations = Violations(projects);

        if (asAnalyzer && to.StartsWith("generator/", StringComparison.Ordinal) && from.StartsWith("runtime/", StringComparison.Ordinal))
        {
            violations.ShouldBeEmpty("the runtime runs the generator as an analyzer");
        }
        else
        {
            violations.ShouldContain(v => v.StartsWith($"{from} -> {to}", StringComparison.Ordinal));
        }
    }

    private static List<string> Violations(IEnumerable<Project> projects)
    {
        var violations = new List<string>();
        foreach (var project in projects)
        {
            var layer = Layer(project.Path);
            if (layer == "tests")
            {
                continue;
            }

            Allowed.ShouldContainKey(layer, $"{project.Path} is in a folder the layering does not know");
            var (assemblies, analyzers) = Allowed[layer];
            foreach (var reference in project.References)
            {
                var target = Layer(reference.Path);
                var ok = reference.AsAnalyzer ? analyzers.Contains(target) || assemblies.Contains(target) : assemblies.Contains(target);
                if (!ok)
                {
                    violations.Add($"{project.Path} -> {reference.Path}{(reference.AsAnalyzer ? " (analyzer)" : string.Empty)}: {layer} may not depend on {target}");
                }
            }
        }

        return violations;
    }

    private static string Layer(string path) => path[..path.IndexOf('/', StringComparison.Ordinal)];

    private static IEnumerable<Project> Projects()
    {
        foreach (var file in Directory.EnumerateFiles(RepoRoot, "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoRoot, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules") || relative.Contains("/Consumers/", StringComparison.Ordinal))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(file)!;
            var references = XDocument.Load(file).Descendants("ProjectReference").Select(element =>
            {
                var include = element.Attribute("Include")!.Value.Replace("$(RepoRoot)", RepoRoot + "/", StringComparison.Ordinal).Replace('\\', '/');
                var target = Path.GetRelativePath(RepoRoot, Path.GetFullPath(Path.Combine(directory, include))).Replace('\\', '/');
                var analyzer = string.Equals(element.Attribute("OutputItemType")?.Value, "Analyzer", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(element.Attribute("ReferenceOutputAssembly")?.Value, "false", StringComparison.OrdinalIgnoreCase);
                return new Reference(target, analyzer);
            }).ToList();
            yield return new Project(relative, references);
        }
    }

    private sealed record Project(string Path, IReadOnlyList<Reference> References);

    private sealed record Reference(string Path, bool AsAnalyzer);
}
