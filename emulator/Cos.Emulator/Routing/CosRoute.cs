namespace Cos.Emulator.Routing;

/// <summary>Where a request goes: the service, a bucket, or an object of a bucket.</summary>
internal sealed record CosRoute
{
    /// <summary>The bucket (<c>name-appid</c>); null for the service.</summary>
    public string? Bucket { get; init; }

    /// <summary>The decoded object key; empty for bucket and service requests.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The region in the host; <c>accelerate</c> for the global acceleration endpoint; null when the host names none.</summary>
    public string? Region { get; init; }

    /// <summary>The decoded path the client signed: <c>/{key}</c>, or <c>/{bucket}/{key}</c> path-style.</summary>
    public required string SignedPath { get; init; }

    /// <summary>The decoded query parameters in order; a bare name has an empty value.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

    /// <summary>The Host header without its port.</summary>
    public required string Host { get; init; }

    public bool PathStyle { get; init; }

    public bool IsService => Bucket is null;

    public bool HasKey => Key.Length > 0;

    public bool Has(string name) => Query.Any(p => p.Key == name);

    public string? Get(string name)
    {
        foreach (var (k, v) in Query)
        {
            if (k == name)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The error Resource: host and path.</summary>
    public string Resource => $"{Host}{SignedPath}";
}
