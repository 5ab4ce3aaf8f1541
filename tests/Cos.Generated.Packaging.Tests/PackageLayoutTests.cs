using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Cos.Generated.Packaging.Tests;

/// <summary>What is inside each package: files, nuspec metadata, dependencies, symbols.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageLayoutTests(PackagesFixture packages)
{
    /// <summary>Packages only the repository's build and tests use; none may become a dependency of a shipped package.</summary>
    private static readonly string[] BuildAndTestOnly =
    [
        "Cos.Generator", "xunit", "xunit.runner.visualstudio", "Microsoft.NET.Test.Sdk", "Shouldly", "BenchmarkDotNet",
        "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Analyzers", "Basic.Reference.Assemblies.Net100",
        "Microsoft.Extensions.Hosting",
    ];

    /// <summary>What csc itself loads, so a netstandard2.0 analyzer may reference it without shipping it.</summary>
    private static readonly string[] CompilerAssemblies =
    [
        "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable",
        "System.Memory", "System.Buffers", "System.Reflection.Metadata", "System.Runtime.CompilerServices.Unsafe",
        "System.Numerics.Vectors", "System.Threading.Tasks.Extensions", "System.Text.Encoding.CodePages",
    ];

    [Fact]
    public void Cos_Generated_holds_the_client_with_its_generated_API_the_generator_docs_readme_and_license()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated"));

        package.Files.ShouldBe(
        [
            "LICENSE",
            "README.md",
            "analyzers/dotnet/cs/Cos.Generator.dll",
            "lib/net10.0/Cos.Generated.dll",
            "lib/net10.0/Cos.Generated.xml",
        ]);
        ShouldHaveTheSharedMetadata(package, "Cos.Generated", "runtime/Cos.Generated/README.md");

        var types = TypeNames(package.ReadBytes("lib/net10.0/Cos.Generated.dll"));
        types.ShouldContain("Cos.Generated.CosClient");
        types.ShouldContain("Cos.Generated.PutObjectRequest", "the generated API is compiled into the runtime");
        types.ShouldContain("Cos.Generated.GetBucketResponse");
        types.ShouldNotContain("Cos.Generator.CosApiGenerator", "the generator is not part of the runtime dll");

        var docs = XDocument.Parse(package.ReadText("lib/net10.0/Cos.Generated.xml"));
        var documented = docs.Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet();
        documented.ShouldContain("T:Cos.Generated.CosClient");
        documented.ShouldContain("M:Cos.Generated.CosClient.PutObjectAsync(Cos.Generated.PutObjectRequest,System.Threading.CancellationToken)");
        documented.ShouldContain("P:Cos.Generated.CosClient.Pipeline");
    }

    [Fact]
    public void Cos_Generated_depends_on_its_runtime_packages_only()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated"));
        var dependencies = package.Dependencies();

        dependencies.ShouldContainKeyAndValue("System.IO.Hashing", CentralVersion("System.IO.Hashing"));
        dependencies.ShouldContainKeyAndValue("Microsoft.Extensions.Logging.Abstractions", CentralVersion("Microsoft.Extensions.Logging.Abstractions"));
        dependencies.Keys.Intersect(BuildAndTestOnly, StringComparer.OrdinalIgnoreCase).ShouldBeEmpty();
        package.MetadataElement("frameworkReferences").ShouldBeNull("the client needs no shared framework beyond Microsoft.NETCore.App");
    }

    [Fact]
    public void The_generator_is_a_netstandard_analyzer_that_needs_only_what_the_compiler_loads()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated"));
        using var pe = new PEReader(new MemoryStream(package.ReadBytes("analyzers/dotnet/cs/Cos.Generator.dll")));
        var metadata = pe.GetMetadataReader();

        TypeNames(metadata).ShouldContain("Cos.Generator.CosApiGenerator");
        AttributeArguments(metadata, "TargetFrameworkAttribute").ShouldBe([".NETStandard,Version=v2.0"]);
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        references.ShouldContain("Microsoft.CodeAnalysis");
        references.Except(CompilerAssemblies).ShouldBeEmpty("an analyzer cannot bring dependencies of its own into the compiler");
    }

    [Fact]
    public void Cos_Emulator_is_a_test_support_library_on_the_same_Cos_Generated_and_ASP_NET_Core()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Emulator"));

        package.Files.ShouldContain("lib/net10.0/Cos.Emulator.dll");
        package.Files.ShouldContain("lib/net10.0/Cos.Emulator.xml");
        package.Files.ShouldNotContain(file => file.StartsWith("analyzers/", StringComparison.Ordinal) || file.StartsWith("tools/", StringComparison.Ordinal));
        ShouldHaveTheSharedMetadata(package, "Cos.Emulator", "emulator/Cos.Emulator/README.md");
        TypeNames(package.ReadBytes("lib/net10.0/Cos.Emulator.dll")).ShouldContain("Cos.Emulator.CosEmulator");

        package.Dependencies().ShouldBe(new Dictionary<string, string> { ["Cos.Generated"] = packages.Version });
        package.FrameworkReferences().ShouldBe(["Microsoft.AspNetCore.App"]);
    }

    [Fact]
    public void Cos_Generated_Backend_is_a_library_on_the_same_Cos_Generated()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated.Backend"));

        package.Files.ShouldContain("lib/net10.0/Cos.Generated.Backend.dll");
        package.Files.ShouldContain("lib/net10.0/Cos.Generated.Backend.xml");
        ShouldHaveTheSharedMetadata(package, "Cos.Generated.Backend", "runtime/Cos.Generated.Backend/README.md");
        TypeNames(package.ReadBytes("lib/net10.0/Cos.Generated.Backend.dll")).ShouldContain("Cos.Generated.Backend.Sts.CosStsClient");
        package.Dependencies().ShouldBe(new Dictionary<string, string> { ["Cos.Generated"] = packages.Version });
    }

    [Fact]
    public void Cos_Generated_Hosting_is_a_library_on_the_same_Cos_Generated_and_the_Microsoft_Extensions_abstractions()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated.Hosting"));

        package.Files.ShouldContain("lib/net10.0/Cos.Generated.Hosting.dll");
        package.Files.ShouldContain("lib/net10.0/Cos.Generated.Hosting.xml");
        ShouldHaveTheSharedMetadata(package, "Cos.Generated.Hosting", "runtime/Cos.Generated.Hosting/README.md");
        var types = TypeNames(package.ReadBytes("lib/net10.0/Cos.Generated.Hosting.dll"));
        types.ShouldContain("Microsoft.Extensions.DependencyInjection.CosServiceCollectionExtensions");
        types.ShouldContain("Cos.Generated.Hosting.CosClientSettings");

        string[] extensions =
        [
            "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.Http",
        ];
        var expected = extensions.ToDictionary(id => id, CentralVersion);
        expected["Cos.Generated"] = packages.Version;
        package.Dependencies().ShouldBe(expected, ignoreOrder: true);
        package.Dependencies().Keys.ShouldNotContain(id => BuildAndTestOnly.Contains(id));
    }

    [Fact]
    public void Cos_Generated_Cli_is_the_cos_dotnet_tool()
    {
        using var package = new NuGetPackage(packages.PackagePath("Cos.Generated.Cli"));

        ShouldHaveTheSharedMetadata(package, "Cos.Generated.Cli", "cli/Cos.Cli/README.md");
        package.MetadataElement("packageTypes")!.Elements().Select(e => (string?)e.Attribute("name")).ShouldBe(["DotnetTool"]);
        package.Files.ShouldContain("tools/net10.0/any/cos.dll");
        package.ReadText("tools/net10.0/any/DotnetToolSettings.xml").ShouldContain("Name=\"cos\" EntryPoint=\"cos.dll\"");
        package.Dependencies().ShouldBeEmpty("a tool carries its dependencies inside");
    }

    [Theory]
    [InlineData("Cos.Generated")]
    [InlineData("Cos.Emulator")]
    [InlineData("Cos.Generated.Backend")]
    [InlineData("Cos.Generated.Hosting")]
    public void Symbols_ship_in_a_snupkg_that_matches_the_deterministic_dll(string id)
    {
        using var package = new NuGetPackage(packages.PackagePath(id));
        using var symbols = new NuGetPackage(packages.PackagePath(id, ".snupkg"));
        package.Files.ShouldNotContain(file => file.EndsWith(".pdb", StringComparison.Ordinal));
        symbols.Files.ShouldBe([$"lib/net10.0/{id}.pdb"]);

        using var pe = new PEReader(new MemoryStream(package.ReadBytes($"lib/net10.0/{id}.dll")));
        var debug = pe.ReadDebugDirectory();
        debug.ShouldContain(entry => entry.Type == DebugDirectoryEntryType.Reproducible, "a deterministic build marks its dll reproducible");
        var codeView = debug.Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        var pdbPath = pe.ReadCodeViewDebugDirectoryData(codeView).Path;
        pdbPath.ShouldEndWith($"{id}.pdb");
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            pdbPath.ShouldStartWith("/_/", customMessage: "ContinuousIntegrationBuild maps source paths to /_/ in CI");
        }

        using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.ReadBytes($"lib/net10.0/{id}.pdb")));
        var pdbId = new BlobContentId(pdb.GetMetadataReader().DebugMetadataHeader!.Id);
        pdbId.Guid.ShouldBe(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, "the pdb belongs to this very dll");
        pdbId.Stamp.ShouldBe(codeView.Stamp);
    }

    private void ShouldHaveTheSharedMetadata(NuGetPackage package, string id, string readmeSource)
    {
        package.Metadata("id").ShouldBe(id);
        package.Metadata("version").ShouldBe(packages.Version);
        package.Metadata("authors").ShouldBe("Cos.Generated contributors");
        package.Metadata("description").ShouldNotBeNullOrWhiteSpace();
        package.Metadata("tags")!.Split(' ').ShouldContain("cos");
        var license = package.MetadataElement("license");
        license.ShouldNotBeNull();
        ((string?)license.Attribute("type")).ShouldBe("expression");
        license.Value.ShouldBe("MIT");
        package.ReadText("LICENSE").ShouldBe(File.ReadAllText(Path.Combine(PackagesFixture.RepoRoot, "LICENSE")));
        package.Metadata("readme").ShouldBe("README.md");
        package.ReadText("README.md").ShouldBe(File.ReadAllText(Path.Combine(PackagesFixture.RepoRoot, readmeSource)));
    }

    private static string CentralVersion(string id) =>
        XDocument.Load(Path.Combine(PackagesFixture.RepoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;

    private static List<string> TypeNames(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        return TypeNames(pe.GetMetadataReader());
    }

    private static List<string> TypeNames(MetadataReader metadata) =>
        metadata.TypeDefinitions.Select(handle => metadata.GetTypeDefinition(handle)).Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}").ToList();

    /// <summary>The string arguments of the assembly-level attribute named <paramref name="attributeName"/>.</summary>
    private static List<string> AttributeArguments(MetadataReader metadata, string attributeName)
    {
        var provider = new StringOnlyTypeProvider();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == attributeName)
            {
                return attribute.DecodeValue(provider).FixedArguments.Select(a => (string)a.Value!).ToList();
            }
        }

        return [];
    }

    /// <summary>Decodes attributes whose fixed arguments are strings, which is all these checks read.</summary>
    private sealed class StringOnlyTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
