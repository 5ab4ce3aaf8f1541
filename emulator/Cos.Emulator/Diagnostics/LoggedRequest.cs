using System.Globalization;

namespace Cos.Emulator.Diagnostics;

/// <summary>One request that reached the emulator, as <see cref="RequestLog"/> recorded it.</summary>
public sealed record LoggedRequest
{
    /// <summary>The order of arrival, from 1; it keeps counting across <see cref="RequestLog.Clear"/>.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the request arrived, on the emulator's clock.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The HTTP method as sent (<c>PUT</c>, <c>GET</c>, …).</summary>
    public required string Method { get; init; }

    /// <summary>The decoded path as sent (<c>/{key}</c>, or <c>/{bucket}/{key}</c> path-style).</summary>
    public required string Path { get; init; }

    /// <summary>The bucket; null for the service, or when the request could not be routed.</summary>
    public string? Bucket { get; init; }

    /// <summary>The decoded object key; empty for bucket and service requests.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The decoded query (sub-resources such as <c>uploads</c>, and parameters such as <c>partNumber</c>) in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

    /// <summary>
    /// The COS operation the request names (<c>UploadPart</c>, …; <c>Preflight</c> for CORS preflights); null when
    /// routing failed, or when it names none the emulator knows (answered, once authenticated, 501, 405 or 400).
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>The response status; null while the request is still being handled.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the connection was dropped (by the client, or by a fault) instead of answering in full.</summary>
    public bool Aborted { get; init; }

    /// <summary>True once the emulator has finished with the request (answered or aborted).</summary>
    public bool Completed => StatusCode is not null;

    /// <summary>The <c>partNumber</c> parameter, if any.</summary>
    public int? PartNumber => int.TryParse(Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The <c>uploadId</c> parameter, if any.</summary>
    public string? UploadId => Get("uploadId");

    /// <summary>The first value of the query parameter <paramref name="name"/> (empty for a bare name), or null.</summary>
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

    /// <summary>Short enough for an assertion message.</summary>
    public override string ToString() =>
        $"#{Sequence} {Method} {Path}{(Query.Count == 0 ? "" : "?" + string.Join('&', Query.Select(p => p.Value.Length == 0 ? p.Key : p.Key + "=" + p.Value)))} {Operation ?? "-"} {(StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "…")}{(Aborted ? " aborted" : "")}";
}
