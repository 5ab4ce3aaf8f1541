namespace Cos.Cli.Tests;

/// <summary>Makes and reads local trees of files for the tests.</summary>
internal static class LocalFiles
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("cos-cli-").FullName;

    public static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Every file under <paramref name="root"/> by relative path with '/', with its bytes.</summary>
    public static Dictionary<string, byte[]> Read(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);

    public static void ShouldEqual(this Dictionary<string, byte[]> actual, Dictionary<string, byte[]> expected)
    {
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in expected)
        {
            actual[name].SequenceEqual(bytes).ShouldBeTrue($"{name} differs");
        }
    }
}
