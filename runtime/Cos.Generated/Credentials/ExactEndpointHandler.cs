namespace Cos.Generated.Credentials;

/// <summary>
/// Sends every call to the endpoint exactly as configured: Refit joins the base address's path with the
/// (empty) route but drops its query, which a backend may need (<c>sts.php?bucket=…</c>).
/// </summary>
internal sealed class ExactEndpointHandler(Uri endpoint) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = endpoint;
        return base.SendAsync(request, cancellationToken);
    }
}
