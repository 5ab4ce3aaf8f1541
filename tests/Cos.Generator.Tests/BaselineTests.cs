using System.Reflection;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>
/// The generated source is compared with reviewed snapshots in <c>Baselines/</c>. After a deliberate
/// change, regenerate them with <c>COS_UPDATE_BASELINES=1 dotnet test tests/Cos.Generator.Tests</c>
/// and read every changed line in the diff before committing.
/// </summary>
public sealed class BaselineTests
{
    private static readonly string BaselineDirectory = typeof(BaselineTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BaselineDirectory").Value!;

    private static bool Update => Environment.GetEnvironmentVariable("COS_UPDATE_BASELINES") == "1";

    [Theory]
    [InlineData("cos.api.json", "Cos", false)]
    [InlineData("sample.api.json", "Sample", false)]
    [InlineData("sample.api.json", "SampleServer", true)]
    public void Generated_source_matches_the_baselines(string spec, string folder, bool server)
    {
        var (result, _, diagnostics) = GeneratorRunner.Run(server ? GeneratorRunner.ServerRole("Sample.Server") : null, spec, GeneratorRunner.ReadSpec(spec));
        diagnostics.ShouldBeEmpty();

        var directory = Path.Combine(BaselineDirectory, folder);
        var generated = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName + ".txt", s => s.SourceText.ToString());
        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            return;
        }

        var expected = Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        generated.Keys.Order().ShouldBe(expected.Keys.Order(), "the set of generated files changed; see BaselineTests for how to update");
        foreach (var (name, text) in generated)
        {
            text.ShouldBe(expected[name], $"{name} differs from its baseline; see BaselineTests for how to update");
        }
    }
}
