namespace Cos.Generated.Endpoints;

/// <summary>Where one request goes and what its signature covers.</summary>
/// <param name="Uri">The full request URI: scheme, host, encoded path and encoded query.</param>
/// <param name="Host">The <c>Host</c> header value (host, plus the port when it is not the scheme's default); signed.</param>
/// <param name="Pathname">The raw (not URL-encoded) pathname that is signed: <c>/key</c>, <c>/</c>, or <c>/bucket/key</c> path-style.</param>
internal sealed record CosEndpoint(Uri Uri, string Host, string Pathname);
