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
                var keys = await AskProviderAsync(credentials, static (provider, scope, token) => provider.GetCredentialsAsync(scope, token), scope, request, cancellationToken).ConfigureAwait(false);
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
                var signature = await AskProviderAsync(authorization, static (provider, context, token) => provider.GetAuthorizationAsync(context, token), context, request, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Calls a credential or authorization provider; a null answer or an unexpected failure becomes <see cref="CosCredentialsException"/>.</summary>
    private static async ValueTask<TResult> AskProviderAsync<TProvider, TArgument, TResult>(
        TProvider provider,
        Func<TProvider, TArgument, CancellationToken, ValueTask<TResult>> ask,
        TArgument argument,
        CosHttpRequest request,
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
            throw new CosCredentialsException($"The {provider.GetType().Name} failed to supply credentials for {request.OperationName}: {ex.GetType().Name}.", ex);
        }

        return result ?? throw new CosCredentialsException($"The {provider.GetType().Name} returned nothing for {request.OperationName}.");
    }
}
