using System.Globalization;
using System.Xml;
using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// The last policy: sends the try's message, turns an error answer into <see cref="CosException"/>, checks a CRC-64 the
/// operation's response reports of what was sent, reads a buffered body (bounded) or hands over the streamed one
/// (guarded against stalls, and hashed when it is a whole object with a CRC-64), then unmarshals the result.
/// </summary>
internal sealed class TransportPolicy(HttpClient httpClient, CosPipeline pipeline, TimeProvider time, bool followRedirect = false) : CosPipelinePolicy
{
    /// <summary>The most redirects <see cref="CosClientOptions.FollowRedirect"/> follows for one try.</summary>
    internal const int MaxRedirects = 3;

    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        var request = message.Request;
        var token = message.TryToken;
        HttpResponseMessage? response = null;
        var keepResponse = false;
        try
        {
            response = await httpClient.SendAsync(message.HttpRequest!, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (followRedirect)
            {
                response = await FollowRedirectsAsync(message.HttpRequest!, response, token).ConfigureAwait(false);
            }

            message.Response.Capture(response);
            var status = (int)response.StatusCode;

            if (!request.IsSuccess(status))
            {
                message.Deadline?.Arm(message.Timeout);
                var (errorBody, _) = await ResponseBodyReader.ReadAsync(response.Content, CosPipeline.MaxErrorBodyBytes, message.StallTimeout, message.MinimumThroughput, time, request.OperationName, token).ConfigureAwait(false);
                throw CosErrorReader.FromResponse(status, response.ReasonPhrase, message.Response.RequestId, ResponseFacts.Header(response, CosHeaders.TraceId), errorBody, ResponseFacts.Header(response, CosHeaders.ErrorCode));
            }

            CheckSentCrc64(message, response);

            CosResponseContext context;
            if (request.BufferResponse)
            {
                message.Deadline?.Arm(message.Timeout);

                // A HEAD response has no body; its Content-Length is the object's (maybe far above the limit).
                var (body, exceeded) = request.Method == HttpMethod.Head
                    ? (ReadOnlyMemory<byte>.Empty, false)
                    : await ResponseBodyReader.ReadAsync(response.Content, pipeline.MaxBufferedBodyBytes, message.StallTimeout, message.MinimumThroughput, time, request.OperationName, token).ConfigureAwait(false);
                if (exceeded)
                {
                    throw new CosResponseFormatException(
                        $"The {request.OperationName} response body is larger than the {pipeline.MaxBufferedBodyBytes.ToString(CultureInfo.InvariantCulture)}-byte limit for buffered responses.",
                        status,
                        message.Response.RequestId);
                }

                context = new CosResponseContext(response, body);
            }
            else
            {
                // Read by the caller after this try returns: only the stall guard (not Timeout) bounds it.
                message.Deadline?.Disarm();
                var stream = StallTimeoutStream.Wrap(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), message.StallTimeout, message.MinimumThroughput, time, request.OperationName);
                if (WholeObjectCrc64(message, response) is { } expected)
                {
                    stream = new Crc64CheckingStream(stream, expected, request.OperationName, message.Response.RequestId);
                }

                context = new CosResponseContext(response, ReadOnlyMemory<byte>.Empty, stream);
            }

            try
            {
                message.Unmarshal(context);
            }
            catch (Exception ex) when (ex is XmlException or System.Text.Json.JsonException or FormatException or OverflowException)
            {
                throw new CosResponseFormatException($"The {request.OperationName} response could not be read: {ex.Message}", status, message.Response.RequestId, ex);
            }

            keepResponse = context.BodyTaken;
        }
        finally
        {
            if (!keepResponse)
            {
                response?.Dispose();
            }
        }
    }

    /// <summary>
    /// <see cref="CosClientOptions.FollowRedirect"/>: while a GET or HEAD is answered 301, 302, 303, 307 or 308 with a
    /// <c>Location</c>, sends the same request there, at most <see cref="MaxRedirects"/> times. The headers go along, but
    /// the <c>Authorization</c> and the security token only to the same host and port (a signature names its host); a
    /// redirect from https to http, or to another scheme, is not followed. Returns the last answer (a redirect that is not
    /// followed becomes a <see cref="CosException"/> with its status, as without the option).
    /// </summary>
    private async Task<HttpResponseMessage> FollowRedirectsAsync(HttpRequestMessage first, HttpResponseMessage response, CancellationToken token)
    {
        if (first.Method != HttpMethod.Get && first.Method != HttpMethod.Head)
        {
            return response;
        }

        var current = first;
        for (var hop = 0; hop < MaxRedirects && IsRedirect(response) && response.Headers.Location is { } location; hop++)
        {
            var from = current.RequestUri!;
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (target.Scheme is not ("http" or "https") || (from.Scheme == "https" && target.Scheme == "http"))
            {
                break;
            }

            var sameHost = string.Equals(from.Authority, target.Authority, StringComparison.OrdinalIgnoreCase) && from.Scheme == target.Scheme;
            var next = new HttpRequestMessage(first.Method, target) { Version = first.Version, VersionPolicy = first.VersionPolicy };
            foreach (var (name, values) in first.Headers.NonValidated)
            {
                if (!sameHost && (name.Equals(CosHeaders.Authorization, StringComparison.OrdinalIgnoreCase) || name.EndsWith("-security-token", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    next.Headers.TryAddWithoutValidation(name, value);
                }
            }

            response.Dispose();
            if (!ReferenceEquals(current, first))
            {
                current.Dispose();
            }

            current = next;
            response = await httpClient.SendAsync(next, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>Refuses an answer whose CRC-64 of the request body differs from what this try sent.</summary>
    private static void CheckSentCrc64(CosMessage message, HttpResponseMessage response)
    {
        if (message.Request.Crc64Check != CosBodyChecksum.RequestBody
            || message.SentBody?.SentCrc64 is not { } sent
            || ReportedCrc64(message, response) is not { } reported
            || reported == sent)
        {
            return;
        }

        throw new CosIntegrityException(
            string.Create(CultureInfo.InvariantCulture, $"{message.Request.OperationName} answered CRC-64 {reported}, but the {message.SentBody.BytesSent} bytes sent have {sent}."),
            sent,
            reported,
            message.Response.RequestId);
    }

    /// <summary>The CRC-64 of the object when this response carries all of it (200, not a 206 range), else null.</summary>
    private static ulong? WholeObjectCrc64(CosMessage message, HttpResponseMessage response) =>
        message.Request.Crc64Check == CosBodyChecksum.ResponseBody && response.StatusCode == System.Net.HttpStatusCode.OK && response.Content.Headers.ContentRange is null
            ? ReportedCrc64(message, response)
            : null;

    private static ulong? ReportedCrc64(CosMessage message, HttpResponseMessage response) =>
        message.Request.Crc64Header is { } name && ResponseFacts.Header(response, name) is { } text
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
