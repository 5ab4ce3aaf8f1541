using Cos.Emulator.Errors;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Cors;

/// <summary>Answers preflight <c>OPTIONS</c> requests (without authentication) and adds CORS headers to matching requests.</summary>
internal sealed class CorsHandler(IReadOnlyDictionary<string, IReadOnlyList<CorsRule>> rules)
{
    /// <summary>Answers a preflight; throws 403 when no rule allows it.</summary>
    public void Preflight(HttpContext context, string? bucket)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var method = request.Headers.AccessControlRequestMethod.ToString();
        if (origin.Length == 0 || method.Length == 0)
        {
            throw new CosErrorException(400, "InvalidRequest", "A CORS preflight needs Origin and Access-Control-Request-Method.");
        }

        var requested = request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rule = Find(bucket, origin, method, requested)
            ?? throw CosErrors.AccessDenied("CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.");
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = string.Join(",", rule.AllowedMethods);
        if (requested.Length > 0)
        {
            headers.AccessControlAllowHeaders = string.Join(",", requested);
        }

        if (rule.ExposeHeaders.Count > 0)
        {
            headers.AccessControlExposeHeaders = string.Join(",", rule.ExposeHeaders);
        }

        if (rule.MaxAgeSeconds is { } maxAge)
        {
            headers.AccessControlMaxAge = maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        headers.Vary = "Origin,Access-Control-Request-Method,Access-Control-Request-Headers";
        context.Response.StatusCode = 200;
    }

    /// <summary>Adds Access-Control-Allow-Origin and Expose-Headers when a rule matches the request's Origin and method.</summary>
    public void Apply(HttpContext context, string? bucket)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return;
        }

        var rule = Find(bucket, origin, context.Request.Method, []);
        if (rule is null)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = string.Join(",", rule.AllowedMethods);
        if (rule.ExposeHeaders.Count > 0)
        {
            headers.AccessControlExposeHeaders = string.Join(",", rule.ExposeHeaders);
        }

        headers.Vary = "Origin";
    }

    private CorsRule? Find(string? bucket, string origin, string method, string[] requestedHeaders)
    {
        if (bucket is null || !rules.TryGetValue(bucket, out var bucketRules))
        {
            return null;
        }

        foreach (var rule in bucketRules)
        {
            if (rule.AllowedOrigins.Any(pattern => Wildcard.IsMatch(origin, pattern, ignoreCase: true))
                && rule.AllowedMethods.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
                && requestedHeaders.All(h => rule.AllowedHeaders.Any(pattern => Wildcard.IsMatch(h, pattern, ignoreCase: true))))
            {
                return rule;
            }
        }

        return null;
    }
}
