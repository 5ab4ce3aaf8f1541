using System.Globalization;
using Cos.Emulator.Auth;
using Cos.Emulator.Cors;
using Cos.Emulator.Diagnostics;
using Cos.Emulator.Errors;
using Cos.Emulator.Faults;
using Cos.Emulator.Operations;
using Cos.Emulator.Policy;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Cos.Emulator.Sts;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cos.Emulator;

/// <summary>
/// Answers one request: route it, answer CORS preflights, pick the operation and inject faults, authenticate,
/// and only then refuse what it asks for (an operation the emulator lacks, a bad bucket name or key) or run it;
/// COS errors become <c>&lt;Error&gt;</c> responses. Each request is recorded in the request log when given.
/// </summary>
internal sealed class CosRequestHandler
{
    private readonly CosEmulatorOptions _options;
    private readonly IObjectStore _store;
    private readonly FaultRules _faults;
    private readonly RequestLog? _requestLog;
    private readonly CosRouter _router;

    /// <summary>The COS API's clock: the options' clock plus the jumps of <see cref="FaultRule.ClockJump"/>.</summary>
    private readonly JumpingClock _clock;
    private readonly CosAuthenticator _authenticator;
    private readonly CorsHandler _cors;
    private readonly StsEndpoint _sts;

    /// <summary>Cancelled when the emulator stops: ends the wait of held requests.</summary>
    private readonly CancellationToken _stopping;
    private long _requestCount;

    public CosRequestHandler(CosEmulatorOptions options, IObjectStore store, FaultRules faults, RequestLog? requests = null, CancellationToken stopping = default)
    {
        _stopping = stopping;
        _options = options;
        _store = store;
        _faults = faults;
        _requestLog = requests;
        _router = new CosRouter(options.HostSuffixes);
        _clock = new JumpingClock(options.TimeProvider);
        _authenticator = new CosAuthenticator(options, _clock);
        _cors = new CorsHandler(store);
        _sts = new StsEndpoint(options);
    }

    public async Task HandleAsync(HttpContext http)
    {
        if (_sts.Accepts(http.Request))
        {
            await _sts.HandleAsync(http, _authenticator.Issued);
            return;
        }

        var requestId = NewRequestId();
        var response = http.Response;
        response.Headers["x-cos-request-id"] = requestId;
        response.Headers.Server = "tencent-cos";
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString);
        var resource = http.Request.Host.Value + rawTarget;
        var logged = _requestLog?.Begin(http.Request.Method, rawTarget);
        var fault = FaultEffect.None;
        var dropped = false;
        try
        {
            // The route (bucket, key, signed path) is what the signature covers, so it comes first; its only errors
            // are hosts that are no COS endpoint at all.
            var route = _router.Route(http.Request.Host.Value ?? string.Empty, rawTarget);
            resource = route.Resource;
            if (IsPreflight(http.Request) && !CosAuthenticator.IsSigned(http.Request))
            {
                // Browsers send preflights without credentials; COS answers them from the bucket's CORS rules. A signed
                // one (the SDKs' optionsObject) is the OptionsObject operation, authenticated and authorized first.
                logged?.Routed(route, OperationSelector.Preflight);
                _cors.Preflight(http, route.Bucket);
                return;
            }

            // The operation is chosen now for the fault rules and the log, which match on it; a request that names
            // none learns so only once it is authenticated.
            var (operation, unselectable) = SelectOperation(http.Request, route);
            logged?.Routed(route, operation);
            _cors.Apply(http, route.Bucket);
            if (operation is not null)
            {
                fault = await ApplyFaultAsync(http, operation, route, resource, requestId);
                if (fault == FaultEffect.Answered)
                {
                    return;
                }

                if (fault == FaultEffect.LoseResponse)
                {
                    // Whatever the operation or its error writes goes nowhere; the connection is dropped at the end.
                    http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
                }
            }

            // An unsigned read of something public (an ACL granting everyone READ, or a bucket granting WRITE) needs no key.
            var anonymous = operation is not null && AnonymousAccess.Allows(http.Request, operation, route, _store);
            var secretId = _options.SkipAuthentication || anonymous ? null : _authenticator.Authenticate(http.Request, route);
            if (operation is null)
            {
                throw unselectable!;
            }

            if (operation == OperationSelector.Preflight)
            {
                // A signed OPTIONS that is no preflight: the CORS handler says what it lacks.
                _cors.Preflight(http, route.Bucket);
                return;
            }

            var grant = secretId is null ? null : CamAuthorizer.Authorize(_authenticator.Issued, secretId, operation, route, http.Request, _store);

            if (route.Bucket is not null && !CosRouter.IsValidBucketName(route.Bucket) && operation != "PutBucket")
            {
                throw CosErrors.InvalidBucketName(route.Bucket);
            }

            if (route.HasKey && System.Text.Encoding.UTF8.GetByteCount(route.Key) is var keyBytes && keyBytes > CosErrors.MaxKeyBytes)
            {
                throw CosErrors.KeyTooLong(keyBytes);
            }

            var context = new OperationContext { Http = http, Route = route, Operation = operation, Store = _store, Options = _options, Clock = _clock, Grant = grant };
            await RunAsync(context);
        }
        catch (CosErrorException error)
        {
            await WriteErrorAsync(http, error, resource, requestId);
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or OperationCanceledException or BadHttpRequestException)
        {
            // The client went away or sent a short body: nothing was committed; drop the connection.
            http.Abort();
            dropped = true;
        }
        finally
        {
            if (fault == FaultEffect.LoseResponse)
            {
                http.Abort();
            }

            // Kestrel signals RequestAborted after Abort() returns, so a dropped or lost answer is logged as aborted by name.
            logged?.Complete(response.StatusCode, dropped || fault == FaultEffect.LoseResponse || http.RequestAborted.IsCancellationRequested);
        }
    }

    /// <summary>The operation the request names, or (operation null) the error that it names none.</summary>
    private static (string? Operation, CosErrorException? Error) SelectOperation(HttpRequest request, CosRoute route)
    {
        try
        {
            return (OperationSelector.Select(request.Method, route, request.Headers.ContainsKey), null);
        }
        catch (CosErrorException e)
        {
            return (null, e);
        }
    }

    /// <summary>A CORS preflight: OPTIONS with the Origin and Access-Control-Request-Method a browser sends.</summary>
    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method)
        && request.Headers.Origin.Count > 0
        && request.Headers.AccessControlRequestMethod.Count > 0;

    /// <summary>
    /// Runs the operation's handler: the generated wire class reads the request into its typed form, the handler answers
    /// with the typed response, and the generated wire class writes it; then the response is sent. A value the generated
    /// reader cannot parse is COS's InvalidArgument (MalformedXML inside an XML body).
    /// </summary>
    private static async Task RunAsync(OperationContext context)
    {
        var wire = new WireRequest(context.Request, context.Route);
        var output = new WireResponse();
        try
        {
            if (!await CosOperationHandlers.Instance.DispatchAsync(context.Operation, context, wire, output))
            {
                throw CosErrors.NotImplemented(context.Operation);
            }
        }
        catch (System.Xml.XmlException e)
        {
            throw CosErrors.MalformedXml($"The XML you provided was not well-formed or did not validate: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw CosErrors.InvalidArgument($"A value in the request is not valid for {context.Operation}: {e.Message}");
        }

        await SendAsync(context, output);
    }

    private static async Task SendAsync(OperationContext context, WireResponse output)
    {
        var response = context.Response;
        response.StatusCode = output.Status;
        foreach (var (name, value) in output.Headers)
        {
            response.Headers[name] = value;
        }

        if (output.Xml is { } xml)
        {
            response.ContentType = "application/xml";
            response.ContentLength = xml.Length;
            await response.Body.WriteAsync(xml, context.Http.RequestAborted);
            return;
        }

        if (output.Events is { } events)
        {
            await WriteEventsAsync(context, events);
            return;
        }

        // A response type's payload is Stream.Null when the handler sets none (a 304 has no body).
        if (output.Body is not { } body || body == Stream.Null)
        {
            if (output.Status != 304 && !HttpMethods.IsHead(context.Request.Method))
            {
                response.ContentLength = 0;
            }

            return;
        }

        await using (body)
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            // A document (a JSON policy) is a buffer of known length; an object's content comes with its Content-Length.
            var length = response.ContentLength ?? (body.CanSeek ? body.Length - body.Position : throw new InvalidOperationException($"{context.Operation} returned a body without its length."));
            response.ContentLength = length;
            await StreamCopy.CopyAsync(body, response.Body, length, context.Http.RequestAborted);
        }
    }

    /// <summary>How much of an event stream is gathered per write (a Records event carries at most 64 KB).</summary>
    private const int EventWriteBytes = 256 * 1024;

    /// <summary>
    /// Sends an event stream chunked, as COS does; a COS error raised while the events are produced can no longer change
    /// the status, so it goes out as an error message, which the client turns into its CosException.
    /// </summary>
    private static async Task WriteEventsAsync(OperationContext context, Func<Stream, CancellationToken, Task> events)
    {
        // Frames go out in writes of up to EventWriteBytes, not one write per event: the official Node SDK pipes its
        // select parser's output back into itself, so Records bytes that reach it before the frames after them are read
        // as frames and its Stats are lost. A small result in one write is what it handles (as from COS).
        var body = new BufferedStream(context.Response.Body, EventWriteBytes);
        var aborted = context.Http.RequestAborted;
        try
        {
            await events(body, aborted);
        }
        catch (CosErrorException error)
        {
            await CosEventFrames.WriteErrorAsync(body, error.Code, error.Message, aborted);
        }

        await body.FlushAsync(aborted);
    }

    /// <summary>Applies the first matching fault rule and says what is left for the handler to do.</summary>
    private async Task<FaultEffect> ApplyFaultAsync(HttpContext http, string operation, CosRoute route, string resource, string requestId)
    {
        if (_faults.Rules.Count == 0)
        {
            return FaultEffect.None;
        }

        int? partNumber = int.TryParse(route.Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var rule = _faults.Match(operation, http.Request.Method, route.Bucket, route.Key, partNumber);
        if (rule is null)
        {
            return FaultEffect.None;
        }

        if (rule.ClockJump is { } jump)
        {
            _clock.Jump(jump);
        }

        if (rule.ExpireCredentials)
        {
            _authenticator.ExpireSigningKey(http.Request, route);
        }

        if (rule.Latency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        if (rule.NeverAnswer)
        {
            // Take the whole request, so the client is left waiting for an answer rather than for the server to read.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            await ClientDeparture.WaitAsync(http, _stopping);
            return FaultEffect.Answered;
        }

        if (rule.Status is { } status)
        {
            foreach (var (name, value) in rule.Headers)
            {
                http.Response.Headers[name] = value;
            }

            var error = new CosErrorException(status, rule.ErrorCode ?? "InternalError", rule.ErrorMessage ?? $"Fault injected by the COS emulator ({status}).");
            await WriteErrorAsync(http, error, resource, requestId);
            return FaultEffect.Answered;
        }

        if (rule.StallResponseAfterBytes is { } stallAfter)
        {
            http.Response.Body = new FaultStream(http.Response.Body, http, resetAfter: null, bytesPerSecond: null, stallAfter, _stopping);
        }

        if (rule.StallRequestAfterBytes is { } stallReading)
        {
            http.Request.Body = new FaultStream(http.Request.Body, http, resetAfter: null, bytesPerSecond: null, stallReading, _stopping);
        }

        if (rule.ResetConnectionAfterBytes is not null || rule.BandwidthBytesPerSecond is not null)
        {
            var upload = operation is "PutObject" or "UploadPart";
            if (upload || rule.BandwidthBytesPerSecond is not null)
            {
                http.Request.Body = new FaultStream(http.Request.Body, http, upload ? rule.ResetConnectionAfterBytes : null, rule.BandwidthBytesPerSecond);
            }

            if (!upload || rule.BandwidthBytesPerSecond is not null)
            {
                http.Response.Body = new FaultStream(http.Response.Body, http, upload ? null : rule.ResetConnectionAfterBytes, rule.BandwidthBytesPerSecond);
            }
        }

        return rule.LoseResponse ? FaultEffect.LoseResponse : FaultEffect.None;
    }

    private async Task WriteErrorAsync(HttpContext http, CosErrorException error, string resource, string requestId)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Headers.Date = Cos.Generated.Protocol.CosWireFormat.FormatHttpDate(_clock.GetUtcNow());
        await ErrorWriter.WriteAsync(http, error, resource, requestId, traceId: $"emulator-{requestId}");
    }

    private string NewRequestId()
    {
        var n = Interlocked.Increment(ref _requestCount);
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, n);
        Guid.NewGuid().TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
