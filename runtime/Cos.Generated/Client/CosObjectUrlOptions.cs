namespace Cos.Generated;

/// <summary>
/// How <see cref="CosClient.GetObjectUrl(string, string, CosObjectUrlOptions)"/> builds an object URL: the JavaScript
/// SDK's <c>getObjectUrl</c> parameters (<c>Method</c>, <c>Expires</c>, <c>Sign</c>, <c>Query</c>, <c>QueryString</c>,
/// <c>Headers</c>, <c>Protocol</c>, <c>Domain</c>, <c>UseAccelerate</c>, <c>Region</c>) in .NET naming. Every property is
/// optional; unset ones take the client's <see cref="CosClientOptions"/>. Immutable.
/// </summary>
public sealed record CosObjectUrlOptions
{
    /// <summary>How long a signed URL is valid (JS <c>Expires</c>); default <see cref="CosClientOptions.SignatureExpires"/>. Positive.</summary>
    public TimeSpan? Expires { get; init; }

    /// <summary>The method the URL is for (JS <c>Method</c>); default GET. The signature covers it.</summary>
    public HttpMethod? Method { get; init; }

    /// <summary>
    /// Query parameters, raw (such as <c>response-content-disposition</c>); URL-encoded, appended and, for a signed URL,
    /// signed (JS <c>Query</c>). A null value is a bare name.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? Query { get; init; }

    /// <summary>
    /// A query string appended as given, after everything else and never signed (JS <c>QueryString</c>), for parameters
    /// COS does not check, such as Cloud Infinite processing (<c>imageMogr2/thumbnail/100x</c>). A leading <c>?</c> or
    /// <c>&amp;</c> is dropped; it must be already encoded (no white space, no <c>#</c>).
    /// </summary>
    public string? QueryString { get; init; }

    /// <summary>
    /// Request headers the signature covers (JS <c>Headers</c>), such as <c>x-cos-traffic-limit</c>, <c>Content-Type</c>
    /// or <c>x-cos-meta-*</c>: the ones COS signs (<c>x-cos-*</c>, <c>x-ci-*</c>, content and conditional headers) with a
    /// value are added to the signature's header list, so whoever uses the URL must send them with exactly these values
    /// or COS refuses it (403). They are not put in the URL. <c>Host</c> cannot be given (it is always signed).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? Headers { get; init; }

    /// <summary>
    /// False gives an unsigned URL (JS <c>Sign: false</c>) for a public-read object, even when the client has
    /// credentials; default true (a client without credentials always gives unsigned URLs).
    /// </summary>
    public bool Sign { get; init; } = true;

    /// <summary><c>https</c> or <c>http</c> for this URL (JS <c>Protocol</c>); default <see cref="CosClientOptions.Protocol"/>.</summary>
    public string? Protocol { get; init; }

    /// <summary>A custom endpoint template for this URL (JS <c>Domain</c>), with the placeholders of <see cref="CosClientOptions.Domain"/>; default the client's.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// True for the global acceleration host <c>{Bucket}.cos.accelerate.myqcloud.com</c>, false for the regional one (JS
    /// <c>UseAccelerate</c>); default <see cref="CosClientOptions.UseAccelerate"/>.
    /// </summary>
    public bool? UseAccelerate { get; init; }

    /// <summary>The bucket's region (JS <c>Region</c>); default <see cref="CosClientOptions.Region"/>.</summary>
    public string? Region { get; init; }

    /// <summary>A version of the object (the <c>versionId</c> query parameter, signed); default the current version.</summary>
    public string? VersionId { get; init; }

    /// <summary>The defaults: a GET URL signed with the client's settings.</summary>
    public static CosObjectUrlOptions Default { get; } = new();

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the one that is wrong.</summary>
    public void Validate()
    {
        if (Expires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Expires), Expires, "A presigned URL must be valid for a positive time.");
        }

        if (Protocol is not null && CosClientOptions.NormalizeProtocol(Protocol) is null)
        {
            throw new ArgumentException($"Protocol '{Protocol}' is not supported: use 'https' or 'http' (a trailing ':' is allowed).", nameof(Protocol));
        }

        CosClientOptions.CheckDomain(Domain, nameof(Domain));
        if (Region is not null && !Endpoints.CosNames.IsValidRegion(Region))
        {
            throw new ArgumentException($"Region '{Region}' is not a COS region: use lower-case letters, digits and '-' only, such as 'ap-guangzhou'.", nameof(Region));
        }

        if (QueryString is not null && QueryString.Any(static c => c is '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("QueryString must be an encoded query string without white space or '#'.", nameof(QueryString));
        }

        if (VersionId is { Length: 0 })
        {
            throw new ArgumentException("VersionId cannot be empty; leave it null for the current version.", nameof(VersionId));
        }

        foreach (var (name, _) in Headers ?? [])
        {
            if (string.IsNullOrEmpty(name) || name.Any(static c => c <= ' ' || c >= 0x7F || c == ':'))
            {
                throw new ArgumentException($"'{name}' is not a header name.", nameof(Headers));
            }

            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("The Host header comes from the endpoint and is always signed; it cannot be given.", nameof(Headers));
            }
        }
    }
}
