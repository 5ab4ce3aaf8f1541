namespace Cos.Generated.MSBuild.Tests;

/// <summary>A sample project folder: write its files, run dotnet in it.</summary>
public sealed class SampleProject(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Writes a file (relative path with <c>/</c>) and returns its bytes.</summary>
    public byte[] Write(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return content;
    }

    public byte[] Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Runs <c>dotnet {command} -nodeReuse:false -tl:off {more}</c> in the folder.</summary>
    public Task<DotnetResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string command, params string[] more) =>
        DotnetProcess.RunAsync(Directory, environment, [command, "-nodeReuse:false", "-tl:off", .. more]);

    public DotnetProcess Start(IReadOnlyDictionary<string, string?> environment, string command, params string[] more) =>
        DotnetProcess.Start(Directory, environment, [command, "-nodeReuse:false", "-tl:off", .. more]);

    /// <summary>The lines of a file a sample target wrote (missing: none).</summary>
    public string[] ReadLines(string relativePath) => File.Exists(PathOf(relativePath)) ? File.ReadAllLines(PathOf(relativePath)) : [];

    public static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
