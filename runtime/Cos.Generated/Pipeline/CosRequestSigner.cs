using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;

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
    /// <summary>Builds try number <paramref name="attempt"/> and signs it; provider failures become <see cref="CosCredentialsException"/>.</summary>
    public async ValueTask<HttpRequestMessage> CreateAsync(CosHttpRequest request, CosEndpoint endpoint, int attempt, CancellationToken cancellationToken)
    {
        var message = requests.Create(request, endpoint, attempt, out var signedHeaders);
        try
        {
            if (credentials is not null)
            {
                var scope = CosCredentialScope.For(request, options.Region);
                var keys = await AskProviderAsync(credentials, static (provider, scope, token) => provider.GetCredentialsAsync(scope, token), scope, request.OperationName, cancellationToken).ConfigureAwait(false);
                requests.Sign(message, request, endpoint, signedHeaders, keys, clock.Now);
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
