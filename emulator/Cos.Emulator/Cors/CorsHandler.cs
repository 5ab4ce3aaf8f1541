using Cos.Emulator.Errors;
using Cos.Emulator.Operations;
using Cos.Emulator.Storage;
using Cos.Generated;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Cors;

/// <summary>
/// Answers preflight <c>OPTIONS</c> requests (without authentication) and adds CORS headers to matching requests, from the
/// rules PUT Bucket cors stored for the bucket (as COS does; a bucket without any refuses every cross-origin request).
/// </summary>
internal sealed class CorsHandler(IObjectStore store)
{
    /// <summary>Answers a preflight; throws 403 when no rule allows it.</summary>
    public void Preflight(HttpContext context, string? bucket)
    {
        var request = context.Request;
        var answer = Evaluate(bucket, request.Headers.Origin.ToString(), request.Headers.AccessControlRequestMethod.ToString(), request.Headers.AccessControlRequestHeaders.ToString());
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = answer.AllowOrigin;
        headers.AccessControlAllowMethods = answer.AllowMethods;
        if (answer.AllowHeaders is { } allowHeaders)
        {
            headers.AccessControlAllowHeaders = allowHeaders;
        }

        if (answer.ExposeHeaders is { } exposeHeaders)
        {
            headers.AccessControlExposeHeaders = exposeHeaders;
        }

        if (answer.MaxAgeSeconds is { } maxAge)
        {
            headers.AccessControlMaxAge = maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        headers.Vary = PreflightVary;
        context.Response.StatusCode = 200;
    }

    /// <summary>The <c>Vary</c> of a preflight's answer.</summary>
    public const string PreflightVary = "Origin,Access-Control-Request-Method,Access-Control-Request-Headers";

    /// <summary>
    /// What a preflight for <paramref name="origin"/>, <paramref name="method"/> and the comma-separated
    /// <paramref name="requestHeaders"/> is answered: 400 without an origin or method, 403 when no rule allows it.
    /// </summary>
    public PreflightAnswer Evaluate(string? bucket, string? origin, string? method, string? requestHeaders)
    {
        if (string.IsNullOrEmpty(origin) || string.IsNullOrEmpty(method))
        {
            throw new CosErrorException(400, "InvalidRequest", "A CORS preflight needs Origin and Access-Control-Request-Method.");
        }

        var requested = (requestHeaders ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rule = Find(bucket, origin, method, requested)
            ?? throw CosErrors.AccessDenied("CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.");
        return new PreflightAnswer(
            origin,
            Methods(rule),
            requested.Length > 0 ? string.Join(",", requested) : null,
            rule.ExposeHeaders.Count > 0 ? string.Join(",", rule.ExposeHeaders) : null,
            rule.MaxAgeSeconds);
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
        headers.AccessControlAllowMethods = Methods(rule);
        if (rule.ExposeHeaders.Count > 0)
        {
            headers.AccessControlExposeHeaders = string.Join(",", rule.ExposeHeaders);
        }

        headers.Vary = "Origin";
    }

    private static string Methods(CorsRule rule) => string.Join(",", rule.AllowedMethods.Select(m => m.Value));

    private CorsRule? Find(string? bucket, string origin, string method, string[] requestedHeaders)
    {
        if (bucket is null)
        {
            return null;
        }

        foreach (var rule in RulesOf(bucket))
        {
            if (rule.AllowedOrigins.Any(pattern => Wildcard.IsMatch(origin, pattern, ignoreCase: true))
                && rule.AllowedMethods.Any(m => string.Equals(m.Value, method, StringComparison.OrdinalIgnoreCase))
                && requestedHeaders.All(h => rule.AllowedHeaders.Any(pattern => Wildcard.IsMatch(h, pattern, ignoreCase: true))))
            {
                return rule;
            }
        }

        return null;
    }

    private IEnumerable<CorsRule> RulesOf(string bucket)
    {
        // The document PUT Bucket cors stored, already validated by its generated reader, read back by the same code.
        var document = store.GetBucket(bucket) is null ? null : store.GetConfiguration(bucket, string.Empty, "cors");
        return document is null ? [] : GetBucketCorsWire.FromDocument(document).CorsRules;
    }
}

/// <summary>The CORS headers a preflight is answered with (null: not sent).</summary>
internal sealed record PreflightAnswer(string AllowOrigin, string AllowMethods, string? AllowHeaders, string? ExposeHeaders, int? MaxAgeSeconds);
