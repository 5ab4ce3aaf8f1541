using Cos.Generated.Credentials;

namespace Cos.Generated.Backend.Browser;

/// <summary>
/// The key a <see cref="CosBrowserSigner"/> signs with and what it agrees to sign. Everything not allowed is refused:
/// list the methods, buckets and key prefixes the browser needs and no more. <see cref="ToString"/> hides the key.
/// </summary>
public sealed record CosBrowserSignerOptions
{
    /// <summary>The query parameters of uploads, downloads and listings: multipart parameters, <c>response-*</c> overrides, list paging.</summary>
    public static IReadOnlyList<string> DefaultAllowedQueryParameters { get; } =
    [
        "uploads", "uploadId", "partNumber",
        "response-content-type", "response-content-language", "response-expires", "response-cache-control",
        "response-content-disposition", "response-content-encoding",
        "prefix", "delimiter", "marker", "max-keys", "encoding-type", "max-parts", "part-number-marker",
        "max-uploads", "key-marker", "upload-id-marker",
    ];

    /// <summary>The key to sign with: permanent, or temporary (then its token is returned with each signature and signatures end when it expires).</summary>
    public required CosCredentials Credentials { get; init; }

    /// <summary>The HTTP methods to sign, e.g. <c>["PUT"]</c> for uploads or <c>["GET", "HEAD"]</c> for downloads. Multipart uploads also use <c>POST</c>.</summary>
    public required IReadOnlyList<string> AllowedMethods { get; init; }

    /// <summary>
    /// Object keys must start with one of these (<c>photos/</c>; <c>users/42/</c>). Listings (<c>GET /</c>, objects or
    /// multipart uploads) are allowed when their <c>prefix</c> parameter starts with one. An empty prefix allows the
    /// whole bucket, including all bucket-level requests (pathname <c>/</c>).
    /// </summary>
    public required IReadOnlyList<string> AllowedKeyPrefixes { get; init; }

    /// <summary>
    /// The buckets (<c>name-appid</c>) requests may go to, checked against the signed Host
    /// (<c>{bucket}.cos.{region}.myqcloud.com</c>). Empty: any bucket (the key's own permissions are the only limit).
    /// </summary>
    public IReadOnlyList<string> AllowedBuckets { get; init; } = [];

    /// <summary>The region the Host must name (the global acceleration host is also accepted); null: any region.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The domains of bucket hosts (<c>{bucket}.cos.{region}.{suffix}</c>) a signed Host may name; the first is used
    /// when the signer adds the Host itself. Default <c>myqcloud.com</c> and <c>tencentcos.cn</c>; add a suffix only for
    /// a private deployment or a local emulator.
    /// </summary>
    public IReadOnlyList<string> HostSuffixes { get; init; } = ["myqcloud.com", "tencentcos.cn"];

    /// <summary>The query parameters that may be signed; others (sub-resources such as <c>acl</c>, <c>tagging</c>) are refused. Matched ignoring case.</summary>
    public IReadOnlyList<string> AllowedQueryParameters { get; init; } = DefaultAllowedQueryParameters;

    /// <summary>Sign requests that set ACLs (<c>x-cos-acl</c>, <c>x-cos-grant-*</c>). Default false: a browser could make its upload public.</summary>
    public bool AllowAclHeaders { get; init; }

    /// <summary>How long a signature is valid. Default 900 s; never past a temporary key's expiry.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>The clock for the signature's key time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a setting is missing or malformed.</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Credentials, nameof(Credentials));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (AllowedMethods is null || AllowedMethods.Count == 0 || AllowedMethods.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("List at least one allowed method (PUT, GET, ...).", nameof(AllowedMethods));
        }

        if (AllowedKeyPrefixes is null || AllowedKeyPrefixes.Count == 0 || AllowedKeyPrefixes.Any(p => p is null))
        {
            throw new ArgumentException("List at least one allowed key prefix (\"\" allows the whole bucket).", nameof(AllowedKeyPrefixes));
        }

        if (AllowedKeyPrefixes.Any(p => p.StartsWith('/')))
        {
            throw new ArgumentException("Key prefixes start without '/' (photos/, not /photos/).", nameof(AllowedKeyPrefixes));
        }

        ArgumentNullException.ThrowIfNull(AllowedBuckets, nameof(AllowedBuckets));
        ArgumentNullException.ThrowIfNull(AllowedQueryParameters, nameof(AllowedQueryParameters));
        if (HostSuffixes is null || HostSuffixes.Count == 0 || HostSuffixes.Any(s => string.IsNullOrWhiteSpace(s) || s.StartsWith('.') || s.Contains(':')))
        {
            throw new ArgumentException("List at least one host suffix, a domain without a leading dot or port (myqcloud.com).", nameof(HostSuffixes));
        }

        if (Expires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Expires), Expires, "A signature must be valid for a positive time.");
        }
    }

    /// <summary>Describes the allow-lists; the key is shown as the credentials show it (secret redacted).</summary>
    public override string ToString() =>
        $"CosBrowserSignerOptions {{ Credentials = {Credentials}, AllowedMethods = [{string.Join(", ", AllowedMethods ?? [])}], AllowedKeyPrefixes = [{string.Join(", ", AllowedKeyPrefixes ?? [])}], AllowedBuckets = [{string.Join(", ", AllowedBuckets ?? [])}], Region = {Region}, Expires = {Expires} }}";
}
