using Cos.Generated.Backend.Policy;

namespace Cos.AuthBackend;

/// <summary>
/// Turns the JS SDK's <c>Scope</c> into a policy for exactly those requests, after checking each against what the
/// backend allows: its bucket and region, the upload/download/list actions, keys under its prefix. Like
/// Tencent's STS SDK samples (<c>getPolicy(scope)</c>), each scope becomes one statement on one resource.
/// </summary>
public static class ScopePolicy
{
    /// <summary>At most this many scopes in one request (cos-js-sdk-v5 sends one per request).</summary>
    public const int MaxScopes = 20;

    /// <summary>What a browser may do: upload (simple and multipart), download, list.</summary>
    public static IReadOnlySet<string> AllowedActions { get; } =
        new HashSet<string>([.. CosActions.Upload, .. CosActions.Download, CosActions.GetBucket], StringComparer.Ordinal);

    /// <summary>The policy of <c>GET /sts</c>: every allowed action on every key under the prefix.</summary>
    public static CosPolicy ForPrefix(AuthBackendOptions options) =>
        CosPolicy.AllowKeyPrefix(options.Region, options.Bucket, options.KeyPrefix, AllowedActions.Order(StringComparer.Ordinal));

    /// <summary>The policy of <c>POST /sts</c>: each scope's action on its own key (or listing prefix).</summary>
    /// <exception cref="ScopeNotAllowedException">A scope is malformed or not allowed.</exception>
    public static CosPolicy ForScopes(IReadOnlyList<CosScope>? scopes, AuthBackendOptions options)
    {
        if (scopes is null || scopes.Count == 0 || scopes.Count > MaxScopes)
        {
            throw new ScopeNotAllowedException($"Post the SDK's Scope: 1 to {MaxScopes} entries of {{action, bucket, region, prefix}}.");
        }

        var builder = CosPolicy.CreateBuilder();
        foreach (var scope in scopes)
        {
            if (scope is null || scope.Action is not { } action || !AllowedActions.Contains(action))
            {
                throw new ScopeNotAllowedException($"The action '{scope?.Action}' is not allowed.");
            }

            if (scope.Bucket != options.Bucket || scope.Region != options.Region)
            {
                throw new ScopeNotAllowedException($"The bucket '{scope.Bucket}' in '{scope.Region}' is not allowed.");
            }

            var key = scope.Prefix ?? string.Empty;
            if (!key.StartsWith(options.KeyPrefix, StringComparison.Ordinal))
            {
                throw new ScopeNotAllowedException($"The key '{key}' is not under the allowed prefix '{options.KeyPrefix}'.");
            }

            // '*' is a wildcard in a policy resource, dot segments are refused as the signer refuses them.
            if (key.Contains('*') || key.Any(char.IsControl) || key.Split('/', '\\').Any(segment => segment is "." or ".."))
            {
                throw new ScopeNotAllowedException($"The key '{key}' contains '*', control characters or a '.'/'..' segment.");
            }

            var resource = key.Length == 0
                ? CosPolicyResources.KeyPrefix(options.Region, options.Bucket, string.Empty)
                : CosPolicyResources.Object(options.Region, options.Bucket, key);
            builder.Allow([action], [resource]);
        }

        return builder.Build();
    }
}
