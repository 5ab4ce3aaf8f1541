using Microsoft.Extensions.Configuration;

namespace Cos.AuthBackend;

/// <summary>
/// What the backend hands out: one bucket, one region, one key prefix. Read from the <c>AuthBackend</c> configuration
/// section (appsettings.json, <c>AuthBackend__Bucket</c> environment variables, command line) and the permanent key
/// from <c>COS_SECRET_ID</c>/<c>COS_SECRET_KEY</c>. <see cref="ToString"/> hides the key.
/// </summary>
public sealed record AuthBackendOptions
{
    /// <summary>The bucket, <c>name-appid</c> (the APPID in the policy's resources is read from it).</summary>
    public required string Bucket { get; init; }

    /// <summary>The bucket's region, e.g. <c>ap-guangzhou</c>; also the region of the STS call.</summary>
    public required string Region { get; init; }

    /// <summary>Browsers may read and write only keys under this prefix (<c>uploads/</c>); <c>""</c> is the whole bucket.</summary>
    public required string KeyPrefix { get; init; }

    /// <summary>The permanent SecretId that calls STS and signs (a sub-account's with only the COS rights it hands out).</summary>
    public required string SecretId { get; init; }

    /// <summary>The permanent SecretKey.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The STS endpoint; null is Tencent Cloud's (<c>https://sts.tencentcloudapi.com/</c>). Tests point it at the emulator.</summary>
    public Uri? StsEndpoint { get; init; }

    /// <summary>How long a temporary key is valid.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The origins of the pages that may call the backend (CORS), e.g. <c>https://app.example.com</c>.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>
    /// The domains of bucket hosts a signed Host may name (<c>/sign</c>); default COS's own. A local emulator reached as
    /// <c>{bucket}.cos.{region}.localhost</c> needs <c>localhost</c>.
    /// </summary>
    public IReadOnlyList<string> HostSuffixes { get; init; } = ["myqcloud.com", "tencentcos.cn"];

    /// <summary>Where to listen, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free one.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Reads the <c>AuthBackend</c> section and <c>COS_SECRET_ID</c>/<c>COS_SECRET_KEY</c> (which win over the section's keys).</summary>
    /// <exception cref="InvalidOperationException">A required setting is missing or malformed.</exception>
    public static AuthBackendOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("AuthBackend");
        string Required(string name, string? value) => !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException($"Set {name} (see samples/Cos.AuthBackend/README.md).");

        var duration = section["DurationSeconds"];
        var sts = section["StsEndpoint"];
        return new AuthBackendOptions
        {
            Bucket = Required("AuthBackend:Bucket", section["Bucket"]),
            Region = Required("AuthBackend:Region", section["Region"]),
            KeyPrefix = section["KeyPrefix"] ?? throw new InvalidOperationException("Set AuthBackend:KeyPrefix (\"\" for the whole bucket)."),
            SecretId = Required("COS_SECRET_ID", configuration["COS_SECRET_ID"] ?? section["SecretId"]),
            SecretKey = Required("COS_SECRET_KEY", configuration["COS_SECRET_KEY"] ?? section["SecretKey"]),
            StsEndpoint = string.IsNullOrWhiteSpace(sts) ? null : new Uri(sts, UriKind.Absolute),
            Duration = string.IsNullOrWhiteSpace(duration) ? TimeSpan.FromMinutes(30) : TimeSpan.FromSeconds(int.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)),
            CorsOrigins = section.GetSection("CorsOrigins").GetChildren().Select(c => c.Value).OfType<string>().ToArray(),
            HostSuffixes = section.GetSection("HostSuffixes").GetChildren().Select(c => c.Value).OfType<string>().ToArray() is { Length: > 0 } suffixes
                ? suffixes
                : ["myqcloud.com", "tencentcos.cn"],
            Urls = section["Urls"] ?? "http://127.0.0.1:5080",
        };
    }

    /// <summary>The settings without the SecretKey.</summary>
    public override string ToString() =>
        $"AuthBackendOptions {{ Bucket = {Bucket}, Region = {Region}, KeyPrefix = {KeyPrefix}, SecretId = {SecretId}, SecretKey = ***, StsEndpoint = {StsEndpoint}, Duration = {Duration}, CorsOrigins = [{string.Join(", ", CorsOrigins)}], Urls = {Urls} }}";
}
