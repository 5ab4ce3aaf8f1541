using System.Globalization;
using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per try: no wait without an end. The try's deadline allows <see cref="CosClientOptions.Timeout"/> for the
/// connection, then (once a request body was sent, or at once without one) the lesser of Timeout and
/// <see cref="CosClientOptions.StallTimeout"/> for the response headers; a request body is guarded against stalls and
/// drips while it is sent (<see cref="RequestBodyGuard"/>). A cut try fails with <see cref="TimeoutException"/> or
/// <see cref="CosStallTimeoutException"/>, never as a cancel; a failed try takes back the progress it reported.
/// </summary>
internal sealed class TryTimeoutPolicy(TimeProvider time) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        using var deadline = new TryDeadline(message.CancellationToken, time);
        message.Deadline = deadline;
        var headerWait = message.StallTimeout < message.Timeout || message.Timeout == Timeout.InfiniteTimeSpan ? message.StallTimeout : message.Timeout;

        var http = message.HttpRequest!;
        RequestBodyGuard? body = null;
        if (message.Request.Body is not null && http.Content is { } content)
        {
            body = new RequestBodyGuard(
                content,
                deadline,
                message.StallTimeout,
                headerWait,
                message.MinimumThroughput,
                time,
                message.BodyCounter,
                hash: message.Request.Crc64Check == CosBodyChecksum.RequestBody);
            http.Content = body;
            message.SentBody = body;
            deadline.Arm(message.Timeout); // the connection; the body's guard takes over from its first byte
        }
        else
        {
            deadline.Arm(headerWait);
        }

        var succeeded = false;
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            succeeded = true;
        }
        catch (Exception ex) when (deadline.Reason != TryCutReason.None
            && !message.CancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            throw deadline.Reason == TryCutReason.RequestBodyStalled
                ? new CosStallTimeoutException(message.Request.OperationName, message.StallTimeout, body?.BytesSent ?? 0, isRequestBody: true, ex)
                : new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"{message.Request.OperationName} got no response within {deadline.Armed.TotalSeconds:0.###} s (CosClientOptions.Timeout and StallTimeout), so the connection was closed."),
                    ex);
        }
        finally
        {
            if (!succeeded)
            {
                body?.Retire();
            }
            else if (message.OwnsBodyCounter)
            {
                message.BodyCounter!.Flush();
            }
        }
    }
}
