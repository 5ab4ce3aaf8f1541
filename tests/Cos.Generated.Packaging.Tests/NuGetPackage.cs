using System.IO.Compression;
using System.Xml.Linq;

namespace Cos.Generated.Packaging.Tests;

/// <summary>A .nupkg or .snupkg opened as the zip it is, with its nuspec parsed.</summary>
public sealed class NuGetPackage : IDisposable
{
    private readonly ZipArchive _zip;

    public NuGetPackage(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} was not produced");
        _zip = ZipFile.OpenRead(path);
        var nuspec = _zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Nuspec = XDocument.Load(stream);
    }

    public XDocument Nuspec { get; }

    /// <summary>The payload files (the zip's OPC bookkeeping left out).</summary>
    public IReadOnlyList<string> Files => _zip.Entries
        .Select(e => e.FullName)
        .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml" && !name.EndsWith(".nuspec", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The text of a metadata element (<c>id</c>, <c>version</c>, <c>readme</c>, ...).</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    public XElement? MetadataElement(string name) => Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>Dependency ids and versions of the <paramref name="targetFramework"/> group.</summary>
    public IReadOnlyDictionary<string, string> Dependencies(string targetFramework = "net10.0")
    {
        var group = MetadataElement("dependencies")?.Elements().SingleOrDefault(g => (string?)g.Attribute("targetFramework") == targetFramework);
        return group is null
            ? new Dictionary<string, string>()
            : group.Elements().ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
    }

    public IReadOnlyList<string> FrameworkReferences(string targetFramework = "net10.0") =>
        MetadataElement("frameworkReferences")?.Elements().SingleOrDefault(g => (string?)g.Attribute("targetFramework") == targetFramework)?.Elements().Select(r => (string)r.Attribute("name")!).ToList() ?? [];

    public byte[] ReadBytes(string path)
    {
        var entry = _zip.GetEntry(path);
        entry.ShouldNotBeNull($"the package has no {path}; it has {string.Join(", ", Files)}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(path)).TrimStart('\uFEFF');

    public void Dispose() => _zip.Dispose();
}
