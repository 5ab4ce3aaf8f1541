using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Xml;
using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Sends <see cref="CosHttpRequest"/>s: resolves the endpoint, signs every try, retries what is safe
/// to retry, corrects clock skew and turns error responses into <see cref="CosException"/>.
/// </summary>
public sealed class CosPipeline
{
    /// <summary>The most bytes of a buffered (XML) response body: the XML reader's own cap.</summary>
    internal const int DefaultMaxBufferedBodyBytes = (int)CosXml.MaxDocumentCharacters;

    /// <summary>The most bytes of an error body that are read.</summary>
    internal const int MaxErrorBodyBytes = 1024 * 1024;

    private readonly CosClientOptions _options;
    private readonly HttpClient _httpClient;
    private readonly CosEndpointResolver _endpoints;
    private readonly CosRequestSigner _signer;

    /// <summary>
    /// Creates a pipeline over <paramref name="httpClient"/> that signs with keys from <paramref name="credentials"/>
    /// or gets signatures from <paramref name="authorization"/>; with neither it sends unsigned requests.
    /// </summary>
    internal CosPipeline(CosClientOptions options, HttpClient httpClient, ICosCredentialProvider? credentials, ICosAuthorizationProvider? authorization = null)
    {
        _options = options;
        _httpClient = httpClient;
        _endpoints = new CosEndpointResolver(options);
        Clock = new ClockSkew(options.TimeProvider);
        _signer = new CosRequestSigner(options, new CosRequestFactory(options, options.UserAgent ?? CosUserAgent.Default), Clock, credentials, authorization);
    }

    /// <summary>The (skew-corrected) signing clock, shared by every request of the client.</summary>
    internal ClockSkew Clock { get; }

    /// <summary>Resolves request URIs.</summary>
    internal CosEndpointResolver Endpoints => _endpoints;

    /// <summary>The header that carries a temporary key's token to <paramref name="host"/>.</summary>
    internal string RequestTokenHeader(string host) => CosRequestFactory.SecurityTokenHeader(host);

    /// <summary>The cap on buffered response bodies; larger ones fail with <see cref="CosResponseFormatException"/>.</summary>
    internal int MaxBufferedBodyBytes { get; set; } = DefaultMaxBufferedBodyBytes;

    /// <summary>
    /// Sends <paramref name="request"/> and unmarshals the successful response with
    /// <paramref name="unmarshal"/>, which runs inside the retry loop (a 200 carrying an
    /// <c>&lt;Error&gt;</c> is classified like any other error).
    /// </summary>
    public async Task<T> SendAsync<T>(CosHttpRequest request, Func<CosResponseContext, T> unmarshal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(unmarshal);
        cancellationToken.ThrowIfCancellationRequested();

        var endpoint = _endpoints.Resolve(request);
        using var activity = _options.EnableTracker ? CosTracing.Start(request, endpoint) : null;
        var state = new TryState();
        var attempt = 0;
        var retries = 0;
        var skewCorrected = false;

        while (true)
        {
            state.Reset();
            Exception failure;
            try
            {
                var result = await SendOnceAsync(request, endpoint, unmarshal, attempt, state, cancellationToken).ConfigureAwait(false);
                CosTracing.Stop(activity, attempt + 1, state.StatusCode, state.RequestId, null);
                return result;
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up: no retry, and the caller's token on the exception.
                CosTracing.Stop(activity, attempt + 1, state.StatusCode, state.RequestId, ex);
                if (ex is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken)
                {
                    throw;
                }

                throw new OperationCanceledException($"{request.OperationName} was canceled.", ex, cancellationToken);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (!skewCorrected
                && _options.CorrectClockSkew
                && failure is CosException cos
                && ClockSkew.IsSkewError(cos)
                && state.ServerDate is { } serverDate
                && request.Body is not { CanReplay: false })
            {
                // Re-sign with the server's clock and try once more; not counted as a retry.
                Clock.Adjust(serverDate);
                skewCorrected = true;
                attempt++;
                continue;
            }

            if (retries >= (request.MaxRetries ?? _options.MaxRetries) || !RetryClassifier.IsRetryable(request, failure))
            {
                CosTracing.Stop(activity, attempt + 1, state.StatusCode, state.RequestId, failure);
                ExceptionDispatchInfo.Throw(failure);
            }

            var delay = RetryBackoff.GetDelay(_options.RetryDelay, _options.MaxRetryDelay, retries, state.RetryAfter);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            retries++;
            attempt++;
        }
    }

    private async Task<T> SendOnceAsync<T>(CosHttpRequest request, CosEndpoint endpoint, Func<CosResponseContext, T> unmarshal, int attempt, TryState state, CancellationToken cancellationToken)
    {
        using var message = await _signer.CreateAsync(request, endpoint, attempt, cancellationToken).ConfigureAwait(false);
        using var timeout = _options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;

        // A request body the server stops taking cancels the send (and so closes the connection).
        using var bodyStall = request.Body is null || message.Content is null || _options.StallTimeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(token);
        var guardedBody = bodyStall is null ? null : new StallTimeoutContent(message.Content!, _options.StallTimeout, _options.TimeProvider, bodyStall);
        if (guardedBody is not null)
        {
            message.Content = guardedBody;
        }

        HttpResponseMessage? response = null;
        var keepResponse = false;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, bodyStall?.Token ?? token).ConfigureAwait(false);
            state.Capture(response);
            var status = (int)response.StatusCode;

            if (status is < 200 or > 299)
            {
                var (errorBody, _) = await ResponseBodyReader.ReadAsync(response.Content, MaxErrorBodyBytes, _options.StallTimeout, _options.TimeProvider, request.OperationName, token).ConfigureAwait(false);
                throw CosErrorReader.FromResponse(status, response.ReasonPhrase, state.RequestId, GetHeader(response, CosHeaders.TraceId), errorBody);
            }

            CosResponseContext context;
            if (request.BufferResponse)
            {
                // A HEAD response has no body; its Content-Length is the object's (maybe far above the limit).
                var (body, exceeded) = request.Method == HttpMethod.Head
                    ? (ReadOnlyMemory<byte>.Empty, false)
                    : await ResponseBodyReader.ReadAsync(response.Content, MaxBufferedBodyBytes, _options.StallTimeout, _options.TimeProvider, request.OperationName, token).ConfigureAwait(false);
                if (exceeded)
                {
                    throw new CosResponseFormatException(
                        $"The {request.OperationName} response body is larger than the {MaxBufferedBodyBytes.ToString(CultureInfo.InvariantCulture)}-byte limit for buffered responses.",
                        status,
                        state.RequestId);
                }

                context = new CosResponseContext(response, body);
            }
            else
            {
                // Read by the caller after this try returns, so only the stall timeout guards it (not Timeout).
                var stream = StallTimeoutStream.Wrap(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), _options.StallTimeout, _options.TimeProvider, request.OperationName);
                context = new CosResponseContext(response, ReadOnlyMemory<byte>.Empty, stream);
            }

            T result;
            try
            {
                result = unmarshal(context);
            }
            catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
            {
                throw new CosResponseFormatException($"The {request.OperationName} response could not be read: {ex.Message}", status, state.RequestId, ex);
            }

            keepResponse = context.BodyTaken;
            return result;
        }
        catch (Exception ex) when (guardedBody is { Stalled: true } && !token.IsCancellationRequested
            && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            throw new CosStallTimeoutException(request.OperationName, _options.StallTimeout, guardedBody.BytesSent, isRequestBody: true, ex);
        }
        catch (Exception ex) when (timeout is { IsCancellationRequested: true }
            && !cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            throw new TimeoutException(
                $"{request.OperationName} did not complete within the per-try timeout of {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (CosClientOptions.Timeout).",
                ex);
        }
        finally
        {
            if (!keepResponse)
            {
                response?.Dispose();
            }
        }
    }

    private static string? GetHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    /// <summary>What one try learnt from the response headers, for retry and skew decisions.</summary>
    private sealed class TryState
    {
        public int? StatusCode { get; private set; }

        public string? RequestId { get; private set; }

        public DateTimeOffset? ServerDate { get; private set; }

        public TimeSpan? RetryAfter { get; private set; }

        public void Reset()
        {
            StatusCode = null;
            RequestId = null;
            ServerDate = null;
            RetryAfter = null;
        }

        public void Capture(HttpResponseMessage response)
        {
            StatusCode = (int)response.StatusCode;
            RequestId = GetHeader(response, CosHeaders.RequestId);
            ServerDate = response.Headers.Date;
            var retryAfter = response.Headers.RetryAfter;
            // An absolute Retry-After is measured against the server's own Date, so local clock skew does not matter.
            RetryAfter = retryAfter?.Delta ?? (retryAfter?.Date is { } date && ServerDate is { } serverDate ? date - serverDate : null);
            if (RetryAfter < TimeSpan.Zero)
            {
                RetryAfter = TimeSpan.Zero;
            }
        }
    }
}
