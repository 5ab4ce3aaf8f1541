using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Sends <see cref="CosHttpRequest"/>s: resolves the endpoint, signs every try, retries what is safe
/// to retry, corrects clock skew and turns error responses into <see cref="CosException"/>.
/// </summary>
public sealed class CosPipeline
{
    /// <summary>
    /// Sends <paramref name="request"/> and unmarshals the successful response with
    /// <paramref name="unmarshal"/>, which runs inside the retry loop (a 200 carrying an
    /// <c>&lt;Error&gt;</c> is classified like any other error).
    /// </summary>
    public Task<T> SendAsync<T>(CosHttpRequest request, Func<CosResponseContext, T> unmarshal, CancellationToken cancellationToken)
    {
        throw new NotImplementedException();
    }
}
