using System.Reflection;
using System.Net.Sockets;
using Cos.Emulator;
using Cos.Emulator.Faults;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>
/// Shared by the end-to-end tests: an in-memory emulator with one bucket per test, the task packed once
/// (<c>dotnet pack --no-build</c> of msbuild/Cos.Generated.MSBuild) into a temp feed, and a temp root for sample
/// projects with a NuGet.config that takes the package from that feed only, plus its own packages folder
/// so a stale copy of the same version is never used.
/// </summary>
public sealed class TaskPackageFixture : IAsyncLifetime
{
    public const string Region = "ap-guangzhou";
    public const string PackageId = "Cos.Generated.MSBuild";

    /// <summary>A key no log could contain by chance, so finding it anywhere is a leak.</summary>
    public string SecretKey { get; } = "msbuild-secret-" + Guid.NewGuid().ToString("N");

    public string SecretId { get; } = "AKIDMSBUILDTEST" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    /// <summary>A temporary key the emulator accepts: its secret key and security token are as unguessable as <see cref="SecretKey"/>.</summary>
    public TemporaryKey TemporaryKey { get; } = new(
        "AKIDMSBUILDTMP" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
        "msbuild-tmp-secret-" + Guid.NewGuid().ToString("N"),
        "msbuild-token-" + Guid.NewGuid().ToString("N"),
        DateTimeOffset.UtcNow.AddDays(1));

    public CosEmulator Emulator { get; private set; } = null!;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cos-msbuild-tests-" + Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{PackageVersion}.nupkg");

    public string PackageVersion { get; } = typeof(CosUpload).Assembly.GetName().Version!.ToString(3);

    public static string RepoRoot => Metadata("Cos.RepoRoot");

    public static string Configuration => Metadata("Cos.Configuration");

    /// <summary>Buckets, one per test, so no test sees another's objects.</summary>
    public static IReadOnlyList<string> Buckets { get; } =
        ["uploads-1250000000", "dryrun-1250000000", "failing-1250000000", "creds-1250000000", "framework-1250000000", "publish-1250000000", "cancel-1250000000", "inprocess-1250000000", "secrets-1250000000", "settings-1250000000"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);

        // Stops MSBuild's upward search for Directory.Build.* and Directory.Packages.props at the temp root.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="cos-msbuild-test-feed" value="{Feed}" />
              </packageSources>
              <!-- The task's id comes from the test feed only; everything else from the machine's usual sources. -->
              <packageSourceMapping>
                <packageSource key="cos-msbuild-test-feed">
                  <package pattern="{PackageId}" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        Emulator = await CosEmulator.StartAsync(new CosEmulatorOptions
        {
            SecretId = SecretId,
            SecretKey = SecretKey,
            TemporaryKeys = [TemporaryKey],
            Buckets = [.. Buckets.Select(b => new EmulatorBucket(b, Region))],
        });

        var pack = await DotnetProcess.RunAsync(
            RepoRoot,
            new Dictionary<string, string?>(),
            "pack", Path.Combine(RepoRoot, "msbuild", "Cos.Generated.MSBuild", "Cos.Generated.MSBuild.csproj"),
            "-c", Configuration, "--no-build", "-nodeReuse:false", "-o", Feed);
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing the task failed (was msbuild/Cos.Generated.MSBuild built in {Configuration}?): {pack}");
        }
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The environment of a child build that has the key (the task reads it there).</summary>
    public Dictionary<string, string?> KeyEnvironment() => new()
    {
        ["COS_SECRET_ID"] = SecretId,
        ["COS_SECRET_KEY"] = SecretKey,
    };

    /// <summary>The environment of a child build that has the temporary key and its token.</summary>
    public Dictionary<string, string?> TemporaryKeyEnvironment() => new()
    {
        ["COS_SECRET_ID"] = TemporaryKey.TmpSecretId,
        ["COS_SECRET_KEY"] = TemporaryKey.TmpSecretKey,
        ["COS_SECURITY_TOKEN"] = TemporaryKey.SecurityToken,
    };

    /// <summary>A new sample project folder under the root, with its csproj and one source file.</summary>
    public SampleProject CreateSample(string name, string bucket, string projectBody, string outputType = "Library")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), outputType == "Exe" ? "System.Console.WriteLine(\"sample\");\n" : "namespace Sample { public static class Marker { } }\n");
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>{outputType}</OutputType>
                <ImplicitUsings>disable</ImplicitUsings>
                <CosBucket>{bucket}</CosBucket>
                <CosRegion>{Region}</CosRegion>
                <CosProtocol>http</CosProtocol>
                <CosConnectTo>127.0.0.1:{Emulator.Port}</CosConnectTo>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageId}" Version="{PackageVersion}" />
              </ItemGroup>
            {projectBody}
            </Project>
            """);
        return new SampleProject(directory);
    }

    /// <summary>A client of the emulator, for checking what landed.</summary>
    public CosClient Client() => new(Emulator.CreateClientOptions(Region) with { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20) });

    /// <summary>Rules that answer nothing themselves but count requests of these operations.</summary>
    public FaultRule[] CountRequests(string bucket, params string[] operations) =>
        [.. operations.Select(op => Emulator.Faults.Add(new FaultRule { Operation = op, Bucket = bucket }))];

    /// <summary>An HttpClient that connects to the emulator whatever the URL's host (to fetch presigned URLs).</summary>
    public HttpClient RawHttp() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", Emulator.Port, token);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    private static string Metadata(string key) =>
        typeof(TaskPackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The assembly metadata {key} is missing.");
}

[CollectionDefinition(Name)]
public sealed class TaskPackageCollection : ICollectionFixture<TaskPackageFixture>
{
    /// <summary>One collection: the child builds run one after another (two cores), sharing one pack.</summary>
    public const string Name = "MSBuild task package";
}
