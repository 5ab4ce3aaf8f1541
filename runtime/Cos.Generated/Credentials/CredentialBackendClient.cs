using System.Globalization;
using System.Net;
using System.Text.Json;
using Refit;

namespace Cos.Generated.Credentials;

/// <summary>
/// Calls a credential backend through the Refit client with a per-call timeout and a few retries on
/// transient failures, and turns every failure into a <see cref="CosCredentialsException"/> that names the
/// endpoint (without its query, which may carry a token) but no secret.
/// </summary>
internal sealed class CredentialBackendClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpCredentialProviderOptions _options;
    private readonly SocketsHttpHandler? _ownedHandler;

    public CredentialBackendClient(Uri endpoint, HttpCredentialProviderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The credential endpoint must be an absolute http or https URL.", nameof(endpoint));
        }

        _options = options ?? new HttpCredentialProviderOptions();
        _options.Validate();
        Endpoint = $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}";
        _ownedHandler = _options.Handler is null ? new SocketsHttpHandler { AllowAutoRedirect = false } : null;
        _http = new HttpClient(new ExactEndpointHandler(endpoint) { InnerHandler = _options.Handler ?? _ownedHandler! }, disposeHandler: false)
        {
            BaseAddress = endpoint,
        };
        _http.Timeout = Timeout.InfiniteTimeSpan; // Per call, below: a timeout must be told apart from the caller's cancellation.
        Api = RestService.ForGenerated<ICredentialBackendApi>(_http, RefitSettings.ForJsonContext(CredentialBackendJsonContext.Default));
    }

    /// <summary>The endpoint as shown in errors: scheme, host, port and path.</summary>
    public string Endpoint { get; }

    public TimeProvider TimeProvider => _options.TimeProvider;

    private ICredentialBackendApi Api { get; }

    /// <summary>Runs <paramref name="call"/> with the timeout and retries; a null answer is an error.</summary>
    public async Task<T> CallAsync<T>(Func<ICredentialBackendApi, CancellationToken, Task<T?>> call, string what, CancellationToken cancellationToken)
        where T : class
    {
        for (var retry = 0; ; retry++)
        {
            CosCredentialsException failure;
            using (var timeout = _options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.Timeout, _options.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None))
            {
                try
                {
                    return await call(Api, linked.Token).ConfigureAwait(false)
                        ?? throw new CosCredentialsException($"The {what} endpoint {Endpoint} answered an empty body or JSON null.");
                }
                catch (Exception ex) when (timeout is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested && ex is not CosCredentialsException)
                {
                    failure = new CosCredentialsException(
                        $"The {what} endpoint {Endpoint} did not answer within {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (attempt {retry + 1}).", ex);
                }
                catch (ApiException ex) when (ex.InnerException is JsonException || (int)ex.StatusCode is >= 200 and <= 299)
                {
                    throw new CosCredentialsException($"The {what} endpoint {Endpoint} answered JSON that could not be read: {Describe(ex.InnerException)}.", ex);
                }
                catch (ApiException ex) when (ex.StatusCode >= HttpStatusCode.InternalServerError || ex.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    failure = new CosCredentialsException($"The {what} endpoint {Endpoint} answered HTTP {(int)ex.StatusCode} (attempt {retry + 1}).", ex);
                }
                catch (ApiException ex)
                {
                    throw new CosCredentialsException($"The {what} endpoint {Endpoint} refused the request with HTTP {(int)ex.StatusCode}.", ex);
                }
                catch (Exception ex) when (ex is ApiRequestException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    failure = new CosCredentialsException($"The {what} endpoint {Endpoint} could not be reached (attempt {retry + 1}): {Describe(ex.InnerException ?? ex)}.", ex);
                }
            }

            if (retry >= _options.MaxRetries)
            {
                throw failure;
            }

            var delay = _options.RetryDelay * Math.Pow(2, retry);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        // The endpoint handler is not disposed: that would dispose a caller's handler too.
        _http.Dispose();
        _ownedHandler?.Dispose();
    }

    /// <summary>The kind of a failure without its message, which might quote the body.</summary>
    private static string Describe(Exception? ex) => ex switch
    {
        null => "no details",
        JsonException json when json.Path is { } path => $"{nameof(JsonException)} at {path}",
        HttpRequestException http => $"{nameof(HttpRequestException)} ({http.HttpRequestError})",
        _ => ex.GetType().Name,
    };
}
