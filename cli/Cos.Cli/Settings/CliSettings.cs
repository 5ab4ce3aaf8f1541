using System.Globalization;
using System.Net;
using Cos.Generated;

namespace Cos.Cli.Settings;

/// <summary>
/// Where requests go and with which keys, from (highest first) <c>--region</c>/<c>--endpoint</c>, the environment
/// (<c>COS_SECRET_ID</c>, <c>COS_SECRET_KEY</c>, <c>COS_SECURITY_TOKEN</c>, <c>COS_REGION</c>, <c>COS_ENDPOINT</c>) and
/// the profile file. Keys are never taken from the command line, where they would land in the shell's history.
/// </summary>
internal sealed class CliSettings
{
    /// <summary>The region assumed for a local endpoint (the emulator) when none is set.</summary>
    public const string LocalDefaultRegion = "ap-guangzhou";

    public string? SecretId { get; private init; }

    public string? SecretKey { get; private init; }

    public string? SecurityToken { get; private init; }

    public string? Region { get; private init; }

    public Uri? Endpoint { get; private init; }

    /// <summary>Resolves the settings of one invocation.</summary>
    /// <param name="profileName">--profile, else COS_PROFILE, else <c>default</c>.</param>
    /// <param name="regionOverride">--region.</param>
    /// <param name="endpointOverride">--endpoint.</param>
    public static CliSettings Resolve(string? profileName, string? regionOverride, string? endpointOverride)
    {
        var explicitProfile = profileName ?? Env("COS_PROFILE");
        var path = Env("COS_CONFIG_FILE") ?? ProfileFile.DefaultPath;
        var profile = ProfileFile.Read(path, explicitProfile ?? "default");
        if (profile is null && explicitProfile is not null)
        {
            throw CliException.Usage($"profile '{explicitProfile}' is not in {path}.");
        }

        string? Get(string env, string key) => Env(env) ?? (profile is not null && profile.TryGetValue(key, out var v) && v.Length > 0 ? v : null);

        var endpointText = endpointOverride ?? Get("COS_ENDPOINT", "endpoint");
        var endpoint = endpointText is null ? null : ParseEndpoint(endpointText);
        var region = regionOverride ?? Get("COS_REGION", "region");
        if (region is null && endpoint is not null && IsLocal(endpoint))
        {
            region = LocalDefaultRegion;
        }

        return new CliSettings
        {
            SecretId = Get("COS_SECRET_ID", "secret_id"),
            SecretKey = Get("COS_SECRET_KEY", "secret_key"),
            SecurityToken = Get("COS_SECURITY_TOKEN", "security_token"),
            Region = region,
            Endpoint = endpoint,
        };
    }

    /// <summary>The client options; throws a usage error naming what is missing.</summary>
    /// <param name="progressInterval">How often transfers report progress.</param>
    public CosClientOptions ToClientOptions(TimeSpan progressInterval)
    {
        if (SecretId is null || SecretKey is null)
        {
            throw CliException.Usage(
                "no credentials: set COS_SECRET_ID and COS_SECRET_KEY (and COS_SECURITY_TOKEN for temporary keys), or secret_id and secret_key in a profile of "
                + ProfileFile.DefaultPath + " (see 'cos --help').");
        }

        if (Region is null)
        {
            throw CliException.Usage("no region: set COS_REGION, region in the profile, or --region (for example ap-guangzhou).");
        }

        var options = new CosClientOptions
        {
            SecretId = SecretId,
            SecretKey = SecretKey,
            SecurityToken = SecurityToken,
            Region = Region,
            ProgressInterval = progressInterval,
            UserAgent = "cos-cli/" + typeof(CliSettings).Assembly.GetName().Version?.ToString(3),
        };
        if (Endpoint is null)
        {
            return options;
        }

        var protocol = Endpoint.Scheme;
        if (IsLocal(Endpoint))
        {
            // The emulator on this machine: buckets are {bucket}.cos.{region}.localhost:{port}, which it routes like COS's
            // own hosts. Requests connect to the endpoint directly; presigned URLs work as printed, since curl and
            // browsers resolve every *.localhost name to this machine.
            return options with
            {
                Protocol = protocol,
                ConnectTo = Endpoint.Authority,
                Domain = "{Bucket}.cos.{Region}.localhost:" + Endpoint.Port.ToString(CultureInfo.InvariantCulture),
                ServiceDomain = "service.cos.localhost:" + Endpoint.Port.ToString(CultureInfo.InvariantCulture),
            };
        }

        // A COS endpoint such as cos.ap-guangzhou.myqcloud.com (coscli's form): buckets are its subdomains.
        return options with { Protocol = protocol, Domain = "{Bucket}." + Endpoint.Authority, ServiceDomain = Endpoint.Authority };
    }

    private static Uri ParseEndpoint(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            throw CliException.Usage($"endpoint '{text}' is not an http(s) host[:port], such as http://127.0.0.1:9000 or cos.ap-guangzhou.myqcloud.com.");
        }

        return uri;
    }

    private static bool IsLocal(Uri endpoint) => endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out _);

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
