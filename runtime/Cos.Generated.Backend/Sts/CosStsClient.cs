using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Cos.Generated.Backend.Signing;

namespace Cos.Generated.Backend.Sts;

/// <summary>
/// Asks Tencent Cloud STS for temporary COS keys (GetFederationToken, API version 2018-08-13), signing with
/// TC3-HMAC-SHA256. Keep the permanent key on the backend and hand browsers or apps only what this returns.
/// Thread-safe; reuse one instance.
/// </summary>
public sealed class CosStsClient : IDisposable
{
    /// <summary>The STS API version.</summary>
    public const string ApiVersion = "2018-08-13";

    /// <summary>The action name.</summary>
    public const string GetFederationTokenAction = "GetFederationToken";

    private const string Service = "sts";
    private const string ContentType = "application/json; charset=utf-8";

    private readonly CosStsClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The permanent key, region and endpoint.</param>
    /// <param name="httpClient">The HttpClient to send with (not disposed by this client); a new one when null.</param>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public CosStsClient(CosStsClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Requests temporary keys limited by <paramref name="request"/>'s policy.</summary>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="CosStsException">STS refused, or did not answer as STS does.</exception>
    /// <exception cref="HttpRequestException">The endpoint could not be reached.</exception>
    /// <exception cref="TimeoutException">No answer within <see cref="CosStsClientOptions.Timeout"/>.</exception>
    public async Task<CosTemporaryCredentials> GetFederationTokenAsync(CosFederationTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new GetFederationTokenBody
            {
                Name = request.Name,
                Policy = Uri.EscapeDataString(request.Policy.ToJson()),
                DurationSeconds = (long)request.Duration.TotalSeconds,
            },
            StsJsonContext.Default.GetFederationTokenBody);

        var now = _options.TimeProvider.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var host = _options.Endpoint.Authority;
        var authorization = Tc3Signer.GetAuthorization(new Tc3SigningRequest
        {
            SecretId = _options.SecretId,
            SecretKey = _options.SecretKey,
            Service = Service,
            Timestamp = timestamp,
            Headers = [new("content-type", ContentType), new("host", host), new("x-tc-action", GetFederationTokenAction)],
            Payload = body,
        });

        using var message = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        message.Headers.Add("X-TC-Action", GetFederationTokenAction);
        message.Headers.Add("X-TC-Version", ApiVersion);
        message.Headers.Add("X-TC-Region", _options.Region);
        message.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.Timeout);
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return Parse((int)response.StatusCode, content, DateTimeOffset.FromUnixTimeSeconds(timestamp));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"STS did not answer within {_options.Timeout.TotalSeconds:0.###} s ({_options.Endpoint}).");
        }
    }

    /// <summary>Disposes the HttpClient when this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static CosTemporaryCredentials Parse(int status, byte[] content, DateTimeOffset startTime)
    {
        StsResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(content, StsJsonContext.Default.StsEnvelope)?.Response;
        }
        catch (JsonException e)
        {
            throw new CosStsException(CosStsException.InvalidResponseCode, "The answer is not TencentCloud API JSON.", null, status, e);
        }

        if (response is null)
        {
            throw new CosStsException(CosStsException.InvalidResponseCode, "The answer has no Response object.", null, status);
        }

        if (response.Error is { } error)
        {
            throw new CosStsException(string.IsNullOrEmpty(error.Code) ? "UnknownError" : error.Code, error.Message, response.RequestId, status);
        }

        if (response.Credentials is not { TmpSecretId.Length: > 0, TmpSecretKey.Length: > 0, Token.Length: > 0 } credentials || response.ExpiredTime is not { } expiredTime)
        {
            throw new CosStsException(CosStsException.InvalidResponseCode, "The answer lacks Credentials (TmpSecretId, TmpSecretKey, Token) or ExpiredTime.", response.RequestId, status);
        }

        var expired = DateTimeOffset.FromUnixTimeSeconds(expiredTime);
        if (expired <= startTime)
        {
            throw new CosStsException(CosStsException.InvalidResponseCode, $"The keys expire ({expired:O}) before the request was made ({startTime:O}).", response.RequestId, status);
        }

        return new CosTemporaryCredentials(credentials.TmpSecretId, credentials.TmpSecretKey, credentials.Token, startTime, expired, response.Expiration, response.RequestId);
    }
}
