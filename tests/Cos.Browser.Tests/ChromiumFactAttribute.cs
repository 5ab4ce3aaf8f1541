namespace Cos.Browser.Tests;

/// <summary>
/// A fact that needs headless Chromium: skipped with the reason when it is not installed, so that
/// <c>dotnet test Cos.Generated.sln</c> passes on a machine with only .NET and Node. With <c>CI=true</c> it runs
/// anyway and fails clearly: CI installs Chromium (.ci/run), so its absence there is a fault.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = $"Chromium is not installed ({Chromium.Describe()}): apt-get install chromium, or set COS_CHROMIUM_PATH.";
        }
    }
}

/// <summary>Where the test finds Chromium: <c>COS_CHROMIUM_PATH</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ConfiguredPath => Environment.GetEnvironmentVariable("COS_CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>The executable, or null when it does not exist.</summary>
    public static string? Path => File.Exists(ConfiguredPath) ? ConfiguredPath : null;

    /// <summary>In CI (CI=true) a missing Chromium is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Describe() => $"{ConfiguredPath} does not exist";
}
