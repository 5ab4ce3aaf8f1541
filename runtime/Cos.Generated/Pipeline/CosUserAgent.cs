namespace Cos.Generated.Pipeline;

/// <summary>The SDK version and its default <c>User-Agent</c>.</summary>
internal static class CosUserAgent
{
    /// <summary>The assembly version, <c>major.minor.patch</c>.</summary>
    public static readonly string Version = typeof(CosUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary><c>cos-generated-dotnet/&lt;version&gt;</c>.</summary>
    public static readonly string Default = "cos-generated-dotnet/" + Version;
}
