namespace Cos.Generated.Signing;

/// <summary>
/// The options of <see cref="CosSigner.GetAuthorization(CosAuthorizationRequest)"/>, named after the
/// JavaScript SDK's <c>COS.getAuthorization(options)</c>. <see cref="ToString"/> never shows the secret key.
/// </summary>
public sealed class CosAuthorizationRequest
{
    /// <summary>The default validity of a signature whose <see cref="KeyTime"/> is derived from now: 900 s.</summary>
    public static readonly TimeSpan DefaultExpires = TimeSpan.FromSeconds(900);

    /// <summary>The SecretId (<c>q-ak</c>).</summary>
    public required string SecretId { get; init; }

    /// <summary>The SecretKey. Never printed.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The HTTP method; signed lower-cased. Default <c>GET</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The raw (not URL-encoded) object key; signed as <c>"/" + Key</c> unless it starts with <c>/</c>.</summary>
    public string? Key { get; init; }

    /// <summary>The raw path to sign; wins over <see cref="Key"/>. <c>/</c> is prefixed when missing.</summary>
    public string? Pathname { get; init; }

    /// <summary>Query parameters (raw names and values); all are signed, null values as <c>name=</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>>? Query { get; init; }

    /// <summary>
    /// Request headers (raw names and values). Only the headers COS signs are used
    /// (<see cref="CosSigner.IsSignedHeader"/>); like the static JavaScript function, an empty value is signed as
    /// <c>name=</c>. Arrays, lists and other collections are read without allocating.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>>? Headers { get; init; }

    /// <summary>A fixed <c>q-key-time</c>; when null it is derived from now (<see cref="TimeProvider"/>) and <see cref="Expires"/>.</summary>
    public CosKeyTime? KeyTime { get; init; }

    /// <summary>How long a derived <see cref="KeyTime"/> is valid. Default 900 s.</summary>
    public TimeSpan Expires { get; init; } = DefaultExpires;

    /// <summary>With <see cref="Region"/>: the signed Host <c>{Bucket}.cos.{Region}.myqcloud.com</c> when no Host header is given.</summary>
    public string? Bucket { get; init; }

    /// <summary>With <see cref="Bucket"/>: see <see cref="Bucket"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Sign a Host derived from <see cref="Bucket"/> and <see cref="Region"/> when none is given. Default true.</summary>
    public bool ForceSignHost { get; init; } = true;

    /// <summary>The clock for a derived <see cref="KeyTime"/>; <see cref="System.TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Describes the request without the secret key.</summary>
    public override string ToString() =>
        $"CosAuthorizationRequest {{ SecretId = {SecretId}, SecretKey = ***, Method = {Method}, Pathname = {Pathname ?? Key}, Bucket = {Bucket}, Region = {Region}, KeyTime = {KeyTime?.ToString() ?? "now"} }}";
}
