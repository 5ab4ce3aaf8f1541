using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;
using Cos.Generated.Signing;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Makes each try's <see cref="HttpRequestMessage"/> and signs it: with keys the credential provider gives
/// for the request's <see cref="CosCredentialScope"/>, with the authorization provider's signature, or not at all.
/// </summary>
internal sealed class CosRequestSigner(
    CosClientOptions options,
    CosRequestFactory requests,
    ClockSkew clock,
    ICosCredentialProvider? credentials,
    ICosAuthorizationProvider? authorization)
{
    /// <summary>The provider whose keys sign requests; null when the client is unsigned or uses an authorization provider.</summary>
    public ICosCredentialProvider? Credentials => credentials;

    /// <summary>
    /// Builds try number <paramref name="attempt"/> and signs it; provider failures become <see cref="CosCredentialsException"/>.
    /// <paramref name="signedWith"/> receives the keys used, if any.
    /// </summary>
    public async ValueTask<HttpRequestMessage> CreateAsync(CosHttpRequest request, CosEndpoint endpoint, int attempt, Action<CosCredentials>? signedWith, CancellationToken cancellationToken)
    {
        var message = requests.Create(request, endpoint, attempt, out var signedHeaders);
        try
        {
            if (credentials is not null)
            {
                var scope = CosCredentialScope.For(request, options.Region);
                var keys = await AskProviderAsync(credentials, static (provider, scope, token) => provider.GetCredentialsAsync(scope, token), scope, request.OperationName, cancellationToken).ConfigureAwait(false);
                requests.Sign(message, request, endpoint, signedHeaders, keys, clock.Now);
                signedWith?.Invoke(keys);
            }
            else if (authorization is not null)
            {
                var context = new CosAuthorizationContext(
                    request.Method.Method,
                    endpoint.Pathname,
                    request.Query.ToArray(),
                    CosRequestFactory.SignableHeaders(signedHeaders),
                    CosCredentialScope.For(request, options.Region));
                var signature = await AskProviderAsync(authorization, static (provider, context, token) => provider.GetAuthorizationAsync(context, token), context, request.OperationName, cancellationToken).ConfigureAwait(false);
                CosRequestFactory.Authorize(message, endpoint, signature.Authorization, signature.SecurityToken);
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The signature of a presigned URL for <paramref name="request"/> (its method, path, query, Host and the signable
    /// ones of <paramref name="headers"/>), valid for <paramref name="expires"/>: from the authorization provider, or made
    /// with keys the credential provider gives for the request's <see cref="CosCredentialScope"/>, exactly as a sent
    /// request would be signed; null without credentials.
    /// </summary>
    public async ValueTask<CosPresignature?> PresignAsync(CosHttpRequest request, CosEndpoint endpoint, TimeSpan expires, IReadOnlyList<KeyValuePair<string, string?>> headers, CancellationToken cancellationToken)
    {
        var scope = CosCredentialScope.For(request, options.Region);
        if (authorization is not null)
        {
            var context = new CosAuthorizationContext(request.Method.Method, endpoint.Pathname, request.Query.ToArray(), CosRequestFactory.SignableHeaders(UrlHeaders(endpoint, headers)), scope);
            var signature = await AskProviderAsync(authorization, static (provider, context, token) => provider.GetAuthorizationAsync(context, token), context, PresignedUrlPurpose, cancellationToken).ConfigureAwait(false);
            return new CosPresignature(signature.Authorization, signature.SecurityToken);
        }

        if (credentials is null)
        {
            return null;
        }

        var keys = await AskProviderAsync(credentials, static (provider, scope, token) => provider.GetCredentialsAsync(scope, token), scope, PresignedUrlPurpose, cancellationToken).ConfigureAwait(false);
        return Presign(request, endpoint, keys, expires, headers);
    }

    /// <summary>
    /// The signature of a presigned URL for <paramref name="request"/> made with <paramref name="keys"/>, valid for
    /// <paramref name="expires"/>, covering Host and the signable ones of <paramref name="headers"/>.
    /// </summary>
    public CosPresignature Presign(CosHttpRequest request, CosEndpoint endpoint, CosCredentials keys, TimeSpan expires, IReadOnlyList<KeyValuePair<string, string?>> headers)
    {
        var authorization = CosSigner.GetAuthorization(
            keys.SecretId,
            keys.SecretKey,
            request.Method.Method,
            endpoint.Pathname,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(request.Query),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(UrlHeaders(endpoint, headers)),
            SigningTime.ForUrl(keys, clock.Now, expires));
        return new CosPresignature(authorization, keys.SecurityToken);
    }

    /// <summary>Host first, then the caller's headers: what a presigned URL's signature covers (the signer keeps the signable, non-empty ones).</summary>
    private static List<KeyValuePair<string, string?>> UrlHeaders(CosEndpoint endpoint, IReadOnlyList<KeyValuePair<string, string?>> headers)
    {
        var all = new List<KeyValuePair<string, string?>>(headers.Count + 1) { new("Host", endpoint.Host) };
        all.AddRange(headers);
        return all;
    }

    private const string PresignedUrlPurpose = "a presigned URL";

    /// <summary>
    /// Calls a credential or authorization provider for <paramref name="purpose"/> (an operation name, or a presigned
    /// URL); a null answer or an unexpected failure becomes <see cref="CosCredentialsException"/>.
    /// </summary>
    internal static async ValueTask<TResult> AskProviderAsync<TProvider, TArgument, TResult>(
        TProvider provider,
        Func<TProvider, TArgument, CancellationToken, ValueTask<TResult>> ask,
        TArgument argument,
        string purpose,
        CancellationToken cancellationToken)
        where TProvider : notnull
        where TResult : class
    {
        TResult? result;
        try
        {
            result = await ask(provider, argument, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CosCredentialsException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new CosCredentialsException($"The {provider.GetType().Name} failed to supply credentials for {purpose}: {ex.GetType().Name}.", ex);
        }

        return result ?? throw new CosCredentialsException($"The {provider.GetType().Name} returned nothing for {purpose}.");
    }
}
