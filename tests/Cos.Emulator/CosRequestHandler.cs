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
/// Answers one request: route it, pick the operation, answer CORS preflights, inject faults, authenticate,
/// then run the operation; COS errors become <c>&lt;Error&gt;</c> responses. Each request is recorded in
/// <paramref name="requests"/> when given.
/// </summary>
public sealed class CosRequestHandler(CosEmulatorOptions options, IObjectStore store, FaultRules faults, RequestLog? requests = null)
{
    private readonly CosRouter _router = new(options.HostSuffixes);
    private readonly CosAuthenticator _authenticator = new(options);
    private readonly CorsHandler _cors = new(options.Cors);
    private readonly StsEndpoint _sts = new(options);
    private long _requests;

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
        var logged = requests?.Begin(http.Request.Method, rawTarget);
        try
        {
            var route = _router.Route(http.Request.Host.Value ?? string.Empty, rawTarget);
            resource = route.Resource;
            var operation = OperationSelector.Select(http.Request.Method, route, http.Request.Headers.ContainsKey("x-cos-copy-source"));
            logged?.Routed(route, operation);
            if (operation == OperationSelector.Preflight)
            {
                _cors.Preflight(http, route.Bucket);
                return;
            }

            _cors.Apply(http, route.Bucket);
            if (route.Bucket is not null && !CosRouter.IsValidBucketName(route.Bucket) && operation != "PutBucket")
            {
                throw CosErrors.InvalidBucketName(route.Bucket);
            }

            if (await ApplyFaultAsync(http, operation, route, resource, requestId))
            {
                return;
            }

            if (!options.SkipAuthentication)
            {
                var secretId = _authenticator.Authenticate(http.Request, route);
                CamAuthorizer.Authorize(_authenticator.Issued, secretId, operation, route, http.Request, store);
            }

            var context = new OperationContext { Http = http, Route = route, Operation = operation, Store = store, Options = options };
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
        }
        finally
        {
            logged?.Complete(response.StatusCode, http.RequestAborted.IsCancellationRequested);
        }
    }

    private static Task RunAsync(OperationContext context) => context.Operation switch
    {
        "GetService" => BucketOperations.GetServiceAsync(context),
        "PutBucket" => BucketOperations.PutBucketAsync(context),
        "HeadBucket" => BucketOperations.HeadBucketAsync(context),
        "DeleteBucket" => BucketOperations.DeleteBucketAsync(context),
        "GetBucket" => BucketOperations.GetBucketAsync(context),
        "PutObject" => ObjectOperations.PutObjectAsync(context),
        "GetObject" => ObjectOperations.GetObjectAsync(context, head: false),
        "HeadObject" => ObjectOperations.GetObjectAsync(context, head: true),
        "DeleteObject" => ObjectOperations.DeleteObjectAsync(context),
        "DeleteMultipleObjects" => ObjectOperations.DeleteMultipleObjectsAsync(context),
        "PutObjectCopy" => CopyOperations.PutObjectCopyAsync(context),
        "InitiateMultipartUpload" => MultipartOperations.InitiateAsync(context),
        "UploadPart" => MultipartOperations.UploadPartAsync(context),
        "UploadPartCopy" => CopyOperations.UploadPartCopyAsync(context),
        "CompleteMultipartUpload" => MultipartOperations.CompleteAsync(context),
        "AbortMultipartUpload" => MultipartOperations.AbortAsync(context),
        "ListParts" => MultipartOperations.ListPartsAsync(context),
        "ListMultipartUploads" => MultipartOperations.ListUploadsAsync(context),
        _ => throw CosErrors.NotImplemented(context.Operation),
    };

    /// <summary>Applies the first matching fault rule; true when the fault answered the request.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext http, string operation, CosRoute route, string resource, string requestId)
    {
        if (faults.Rules.Count == 0)
        {
            return false;
        }

        int? partNumber = int.TryParse(route.Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var rule = faults.Match(operation, http.Request.Method, route.Bucket, route.Key, partNumber);
        if (rule is null)
        {
            return false;
        }

        if (rule.Latency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        if (rule.Status is { } status)
        {
            foreach (var (name, value) in rule.Headers)
            {
                http.Response.Headers[name] = value;
            }

            var error = new CosErrorException(status, rule.ErrorCode ?? "InternalError", rule.ErrorMessage ?? $"Fault injected by the COS emulator ({status}).");
            await WriteErrorAsync(http, error, resource, requestId);
            return true;
        }

        if (rule.StallResponseAfterBytes is { } stallAfter)
        {
            http.Response.Body = new FaultStream(http.Response.Body, http, resetAfter: null, bytesPerSecond: null, stallAfter);
        }

        if (rule.StallRequestAfterBytes is { } stallReading)
        {
            http.Request.Body = new FaultStream(http.Request.Body, http, resetAfter: null, bytesPerSecond: null, stallReading);
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

        return false;
    }

    private async Task WriteErrorAsync(HttpContext http, CosErrorException error, string resource, string requestId)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Headers.Date = Xml.Http(options.TimeProvider.GetUtcNow());
        await ErrorWriter.WriteAsync(http, error, resource, requestId, traceId: $"emulator-{requestId}");
    }

    private string NewRequestId()
    {
        var n = Interlocked.Increment(ref _requests);
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, n);
        Guid.NewGuid().TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
