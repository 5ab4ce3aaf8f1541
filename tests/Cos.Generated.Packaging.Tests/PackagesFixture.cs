using System.Reflection;

namespace Cos.Generated.Packaging.Tests;

/// <summary>
/// Packs the shippable projects once per run into a folder feed under a fresh temp directory. The
/// packages get a version of their own (0.1.0-pkgtest.*): NuGet caches a package by id and version
/// forever, so repacking 0.1.0 would leave every later restore on whichever 0.1.0 came first. Those
/// cache entries are removed again at the end.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    /// <summary>The packages this repository ships, and the projects that make them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Packages = new Dictionary<string, string>
    {
        ["Cos.Generated"] = "runtime/Cos.Generated/Cos.Generated.csproj",
        ["Cos.Emulator"] = "emulator/Cos.Emulator/Cos.Emulator.csproj",
        ["Cos.Generated.Backend"] = "runtime/Cos.Generated.Backend/Cos.Generated.Backend.csproj",
        ["Cos.Generated.Hosting"] = "runtime/Cos.Generated.Hosting/Cos.Generated.Hosting.csproj",
        ["Cos.Generated.Cli"] = "cli/Cos.Cli/Cos.Cli.csproj",
    };

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    /// <summary>The configuration this test assembly (and so the projects it references) was built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public string Version { get; } = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cos-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public string GlobalPackagesFolder { get; private set; } = "";

    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var locals = (await DotnetCli.DotnetAsync(Root, DotnetCli.BuildTimeout, "nuget", "locals", "global-packages", "--list")).ShouldSucceed();
        GlobalPackagesFolder = locals.OutputLines.Single(line => line.StartsWith("global-packages:", StringComparison.Ordinal))["global-packages:".Length..].Trim();

        // The projects were built by the reference from this test project (or by the solution build in CI).
        foreach (var project in Packages.Values)
        {
            (await DotnetCli.DotnetAsync(RepoRoot, DotnetCli.BuildTimeout, "pack", Path.Combine(RepoRoot, project), "-c", Configuration, "--no-build", "-o", Feed, $"-p:PackageVersion={Version}", "-nodeReuse:false")).ShouldSucceed();
        }

        // Consumers below Root restore from the feed and from the machine's own sources (no <clear/>).
        await File.WriteAllTextAsync(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cos-packaging-tests" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <CosPackageVersion>{Version}</CosPackageVersion>
              </PropertyGroup>
            </Project>
            """);
    }

    /// <summary>Copies the consumer project <paramref name="name"/> (under Consumers/) to a fresh folder below <see cref="Root"/>.</summary>
    public string CreateConsumer(string name, string? folder = null)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Consumers", name);
        var target = Path.Combine(Root, folder ?? name);
        Directory.Exists(target).ShouldBeFalse($"{target} is used twice");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public Task DisposeAsync()
    {
        if (GlobalPackagesFolder.Length > 0)
        {
            foreach (var id in Packages.Keys)
            {
                var idFolder = Path.Combine(GlobalPackagesFolder, id.ToLowerInvariant());
                DeleteDirectory(Path.Combine(idFolder, Version.ToLowerInvariant()));
                if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
                {
                    Directory.Delete(idFolder);
                }
            }
        }

        DeleteDirectory(Root);
        return Task.CompletedTask;
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static string Metadata(string key) =>
        typeof(PackagesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
