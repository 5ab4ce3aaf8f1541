using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cos.Generated.Backend.Browser;
using Cos.Generated.Backend.Contracts;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cos.AuthBackend;

/// <summary>
/// The two contracts of cos-js-sdk-v5's <c>getAuthorization</c>: temporary keys (<c>GET /sts</c> for the whole prefix,
/// <c>POST /sts</c> with the SDK's Scope for exactly one request) and signatures (<c>POST /sign</c>).
/// </summary>
public static class CredentialEndpoints
{
    /// <summary>Requests are small JSON documents; anything larger is refused before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary><c>GET /sts</c>: a temporary key for every upload, download and listing under the configured prefix.</summary>
    public static async Task<IResult> GetTemporaryKeyAsync(HttpContext http, AuthBackendOptions options, CosStsClient sts, CancellationToken cancellationToken)
    {
        if (LoginCheck.GetUser(http) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Sign in first.");
        }

        return await IssueAsync(http, sts, ScopePolicy.ForPrefix(options), options, cancellationToken);
    }

    /// <summary><c>POST /sts</c> with the SDK's <c>Scope</c> (<c>ScopeLimit: true</c>): a temporary key for exactly those requests.</summary>
    public static async Task<IResult> GetScopedTemporaryKeyAsync(HttpContext http, AuthBackendOptions options, CosStsClient sts, CancellationToken cancellationToken)
    {
        if (LoginCheck.GetUser(http) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Sign in first.");
        }

        var (scopes, invalid) = await ReadAsync(http, AuthBackendJsonContext.Default.CosScopeArray, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        CosPolicy policy;
        try
        {
            policy = ScopePolicy.ForScopes(scopes, options);
        }
        catch (ScopeNotAllowedException refused)
        {
            return Error(StatusCodes.Status403Forbidden, refused.Message, "ScopeNotAllowed");
        }

        return await IssueAsync(http, sts, policy, options, cancellationToken);
    }

    /// <summary><c>POST /sign</c> with <c>{method, pathname, query, headers}</c>: the Authorization for that one request.</summary>
    public static async Task<IResult> SignAsync(HttpContext http, CosBrowserSigner signer, CancellationToken cancellationToken)
    {
        if (LoginCheck.GetUser(http) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Sign in first.");
        }

        var (request, invalid) = await ReadAsync(http, CosBackendJsonContext.Default.CosSignRequest, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        try
        {
            NoStore(http);
            return Results.Json(signer.Sign(request!), CosBackendJsonContext.Default.CosSignResponse);
        }
        catch (CosSignRefusedException refused)
        {
            return Error(StatusCodes.Status403Forbidden, refused.Message, refused.Reason.ToString());
        }
    }

    private static async Task<IResult> IssueAsync(HttpContext http, CosStsClient sts, CosPolicy policy, AuthBackendOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var key = await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = policy, Duration = options.Duration }, cancellationToken);
            NoStore(http);
            return Results.Json(key.ToTemporaryKeyResponse(), CosBackendJsonContext.Default.CosTemporaryKeyResponse);
        }
        catch (CosStsException failed)
        {
            // The code and request id help whoever operates the backend; the browser learns nothing secret.
            return Error(StatusCodes.Status502BadGateway, $"STS refused to issue a key ({failed.Code}, request {failed.RequestId}).", failed.Code);
        }
    }

    /// <summary>Reads a JSON body of at most <see cref="MaxBodyBytes"/>; a malformed one is a 400.</summary>
    private static async Task<(T? Value, IResult? Invalid)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, cancellationToken);
            return value is null ? (null, Error(StatusCodes.Status400BadRequest, "The body is empty: post JSON.")) : (value, null);
        }
        catch (JsonException malformed)
        {
            return (null, Error(StatusCodes.Status400BadRequest, $"The body is not the expected JSON: {malformed.Message}"));
        }
        catch (BadHttpRequestException tooLarge)
        {
            return (null, Error(tooLarge.StatusCode, $"The body is too large (at most {MaxBodyBytes} bytes)."));
        }
    }

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    private static IResult Error(int status, string message, string? reason = null) =>
        Results.Json(new ErrorResponse { Error = message, Reason = reason }, AuthBackendJsonContext.Default.ErrorResponse, statusCode: status);
}
