namespace Cos.Emulator.Cors;

/// <summary>One bucket CORS rule, as in PUT Bucket cors.</summary>
public sealed record CorsRule
{
    /// <summary>Origins such as <c>https://example.com</c>, <c>https://*.example.com</c> or <c>*</c>.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = ["*"];

    /// <summary>GET, PUT, POST, DELETE, HEAD.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = ["GET", "PUT", "POST", "DELETE", "HEAD"];

    /// <summary>Request headers a preflight may ask for; <c>*</c> allows all.</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = ["*"];

    /// <summary>Response headers the browser may read (ETag, x-cos-request-id).</summary>
    public IReadOnlyList<string> ExposeHeaders { get; init; } = ["ETag", "Content-Length", "x-cos-request-id"];

    /// <summary>How long a browser may cache the preflight answer (<c>Access-Control-Max-Age</c>); null sends no such header.</summary>
    public int? MaxAgeSeconds { get; init; }
}
