using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Pipeline.Policies;
using Cos.Generated.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Sends <see cref="CosHttpRequest"/>s through a chain of small policies (Azure.Core's <c>HttpPipeline</c> shape):
/// per call, tracing, metrics and logging; then retry; then per try, clock-skew correction, a fresh key for one COS calls stale, signing,
/// the try's deadlines, and the transport that reads and unmarshals the answer.
/// </summary>
public sealed class CosPipeline
{
    /// <summary>The most bytes of a buffered (XML) response body: the XML reader's own cap.</summary>
    internal const int DefaultMaxBufferedBodyBytes = (int)CosXml.MaxDocumentCharacters;

    /// <summary>The most bytes of an error body that are read.</summary>
    internal const int MaxErrorBodyBytes = 1024 * 1024;

    private readonly CosClientOptions _options;
    private readonly CosPipelinePolicy[] _policies;
    private readonly bool _signsItself;

    /// <summary>
    /// Creates a pipeline over <paramref name="httpClient"/> that signs with keys from <paramref name="credentials"/>
    /// or gets signatures from <paramref name="authorization"/>; with neither it sends unsigned requests.
    /// </summary>
    internal CosPipeline(CosClientOptions options, HttpClient httpClient, ICosCredentialProvider? credentials, ICosAuthorizationProvider? authorization = null)
    {
        _options = options;
        _signsItself = authorization is null;
        Endpoints = new CosEndpointResolver(options);
        Clock = new ClockSkew(options.TimeProvider);
        Signer = new CosRequestSigner(options, new CosRequestFactory(options, options.UserAgent ?? CosUserAgent.Default), Clock, credentials, authorization);
        Logger = options.LoggerFactory?.CreateLogger(CosLog.Category) ?? NullLogger.Instance;
        Metrics = CosInstruments.For(options.MeterFactory);
        List<CosPipelinePolicy> policies = [new TracingPolicy(options.EnableTracker), new MetricsPolicy(Metrics)];
        if (options.LoggerFactory is not null)
        {
            policies.Add(new LoggingPolicy(Logger));
        }

        policies.Add(new RetryPolicy(options, Logger));
        if (options.CorrectClockSkew)
        {
            policies.Add(new ClockSkewPolicy(Clock, Logger));
        }

        if (credentials is not null)
        {
            policies.Add(new StaleKeyPolicy(credentials, Logger));
        }

        policies.Add(new SigningPolicy(Signer));
        policies.Add(new TryTimeoutPolicy(options.TimeProvider));
        policies.Add(new TransportPolicy(httpClient, this, options.TimeProvider, options.FollowRedirect));
        _policies = [.. policies];
    }

    /// <summary>The (skew-corrected) signing clock, shared by every request of the client.</summary>
    internal ClockSkew Clock { get; }

    /// <summary>The client's logger (category <c>Cos.Generated</c>); a null logger without <see cref="CosClientOptions.LoggerFactory"/>.</summary>
    internal ILogger Logger { get; }

    /// <summary>The instruments the client records on (<see cref="CosMetrics"/>).</summary>
    internal CosInstruments Metrics { get; }

    /// <summary>Resolves request URIs.</summary>
    internal CosEndpointResolver Endpoints { get; }

    /// <summary>Signs requests, and presigned URLs, with the client's credentials.</summary>
    internal CosRequestSigner Signer { get; }

    /// <summary>The cap on buffered response bodies; larger ones fail with <see cref="CosResponseFormatException"/>.</summary>
    internal int MaxBufferedBodyBytes { get; set; } = DefaultMaxBufferedBodyBytes;

    /// <summary>Sends <paramref name="request"/> with the client's settings; see the overload with <see cref="CosRequestOptions"/>.</summary>
    public Task<T> SendAsync<T>(CosHttpRequest request, Func<CosResponseContext, T> unmarshal, CancellationToken cancellationToken) =>
        SendAsync(request, unmarshal, options: null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> with the per-call <paramref name="options"/> (null: the client's) and
    /// unmarshals the successful response with <paramref name="unmarshal"/>, which runs inside the retry loop (a 200
    /// carrying an <c>&lt;Error&gt;</c> is classified like any other error).
    /// </summary>
    public async Task<T> SendAsync<T>(CosHttpRequest request, Func<CosResponseContext, T> unmarshal, CosRequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(unmarshal);
        cancellationToken.ThrowIfCancellationRequested();
        if (options is not null)
        {
            options.Validate();
            foreach (var (name, value) in options.Headers ?? [])
            {
                request.AddHeader(name, value);
            }
        }

        var endpoint = Endpoints.Resolve(request);
        var message = new CosMessage<T>(request, endpoint, _options, options, unmarshal, cancellationToken)
        {
            // An authorization provider signs for the host it was asked about; only a client that signs itself can switch.
            BackupEndpoint = _signsItself && !request.ServiceScope ? Endpoints.BackupOf(endpoint) : null,
        };
        try
        {
            await _policies[0].ProcessAsync(message, _policies.AsMemory(1)).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken))
        {
            // The caller gave up: the caller's token on the exception, whatever the try was doing.
            throw new OperationCanceledException($"{request.OperationName} was canceled.", ex, cancellationToken);
        }

        return message.Result!;
    }
}
