using System.Diagnostics;
using System.Globalization;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>
/// The client's <see cref="ActivitySource"/>: one client activity per operation (covering all its tries), named after the
/// operation, whenever the source has a listener. <see cref="CosClientOptions.EnableTracker"/> adds the request's
/// <c>url.path</c> (it holds the object key); see docs/observability.md.
/// </summary>
public static class CosTracing
{
    /// <summary>The name of the activity source: <c>Cos.Generated</c>.</summary>
    public const string SourceName = "Cos.Generated";

    internal static readonly ActivitySource Source = new(SourceName, CosUserAgent.Version);

    internal static Activity? Start(CosHttpRequest request, CosEndpoint endpoint, bool detailed)
    {
        var activity = Source.StartActivity(request.OperationName, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("cos.operation", request.OperationName);
        activity.SetTag("cos.bucket", request.Bucket);
        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("server.address", endpoint.Uri.Host);
        if (detailed)
        {
            activity.SetTag("url.path", endpoint.Uri.AbsolutePath);
        }

        return activity;
    }

    internal static void Stop(Activity? activity, int attempts, int? statusCode, string? requestId, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("cos.attempts", attempts.ToString(CultureInfo.InvariantCulture));
        if (statusCode is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }

        if (requestId is not null)
        {
            activity.SetTag("cos.request_id", requestId);
        }

        if (error is not null)
        {
            activity.SetTag("error.type", CosMetrics.ErrorType(error));
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Ok);
        }
    }
}
