namespace Cos.Generated.Pipeline;

/// <summary>What a presigned URL carries: the authorization (COS's <c>q-sign-…</c> parameters, or a backend's own format) and a temporary key's token.</summary>
internal sealed record CosPresignature(string Authorization, string? SecurityToken);
