using Cos.Generated;
using Cos.Generated.Transfer;
using Microsoft.AspNetCore.Http.Features;

namespace Cos.WebApp;

/// <summary>
/// The service's HTTP API over one bucket: <c>PUT/GET/DELETE /files/{key}</c>, <c>GET /files?prefix=</c> and
/// <c>GET /presign/{key}</c>. Bodies are streamed both ways, never held in memory. COS errors become JSON answers
/// (<see cref="ErrorResponse"/>): 404 for a missing object, 502 for anything else COS refused.
/// The sample lets everyone in: put your own authentication in front of it before exposing it.
/// </summary>
public static class FileEndpoints
{
    /// <summary>The largest object one <c>PutObject</c> may carry (5 GiB); a larger upload goes multipart.</summary>
    private const long SinglePutLimit = 5L * 1024 * 1024 * 1024;

    /// <summary>Maps the endpoints and the COS error answers.</summary>
    public static WebApplication MapFileEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(AnswerCosErrorsAsync);
        app.MapGet("/files", List);
        app.MapPut("/files/{**key}", UploadAsync);
        app.MapGet("/files/{**key}", DownloadAsync);
        app.MapDelete("/files/{**key}", DeleteAsync);
        app.MapGet("/presign/{**key}", PresignAsync);
        return app;
    }

    /// <summary>
    /// <c>PUT /files/{key}</c>: the request body goes to COS as it arrives. With a <c>Content-Length</c> it is one
    /// <c>PutObject</c> streaming the body through (not retried: a request body cannot be read twice); without one
    /// (chunked), or over 5 GiB, it is <c>UploadAsync</c>, a multipart upload read part by part when it is over
    /// <c>Cos:SliceSize</c>.
    /// </summary>
    private static async Task<IResult> UploadAsync(string key, HttpContext context, ICosClient cos, StorageOptions storage, CancellationToken cancellationToken)
    {
        if (BadKey(key) is { } bad)
        {
            return bad;
        }

        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = storage.MaxUploadBytes; // Kestrel's default is 30 MB
        }

        if (request.ContentLength > storage.MaxUploadBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"At most {storage.MaxUploadBytes} bytes are accepted.");
        }

        UploadResult result;
        if (request.ContentLength is { } length && length <= SinglePutLimit)
        {
            var put = await cos.PutObjectAsync(new PutObjectRequest
            {
                Bucket = storage.Bucket,
                Key = key,
                Body = request.Body,
                ContentLength = length,
                ContentType = request.ContentType,
            }, cancellationToken);
            result = new UploadResult(key, length, put.ETag, put.Crc64?.ToString(System.Globalization.CultureInfo.InvariantCulture), Multipart: false);
        }
        else
        {
            var upload = await cos.UploadAsync(storage.Bucket, key, request.Body, new CosUploadOptions
            {
                ContentType = request.ContentType,
                OnFailure = CosUploadFailureAction.Abort, // a half-sent request body cannot be resumed
                Resume = false,
            }, cancellationToken: cancellationToken);
            result = new UploadResult(key, upload.Size, upload.ETag, upload.Crc64?.ToString(System.Globalization.CultureInfo.InvariantCulture), Multipart: upload.UploadId is not null);
        }

        return TypedResults.Created("/files/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)), result);
    }

    /// <summary><c>GET /files?prefix=&amp;limit=</c>: the objects under a prefix, streamed as a JSON array while the SDK pages through the listing.</summary>
    private static IAsyncEnumerable<FileEntry> List(string? prefix, int? limit, ICosClient cos, StorageOptions storage, CancellationToken cancellationToken) =>
        ListAsync(cos, storage.Bucket, prefix, limit is > 0 ? limit.Value : storage.ListLimit, cancellationToken);

    private static async IAsyncEnumerable<FileEntry> ListAsync(ICosClient cos, string bucket, string? prefix, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in cos.EnumerateObjectsAsync(new GetBucketRequest { Bucket = bucket, Prefix = prefix }, cancellationToken))
        {
            yield return new FileEntry(item.Key ?? "", item.Size ?? 0, item.ETag, item.LastModified);
            if (++count >= limit)
            {
                yield break;
            }
        }
    }

    /// <summary><c>GET /files/{key}</c>: the object, streamed from COS to the caller with its type, length, ETag and date.</summary>
    private static async Task DownloadAsync(string key, HttpContext context, ICosClient cos, StorageOptions storage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            await BadKey(key)!.ExecuteAsync(context);
            return;
        }

        await using var get = await cos.GetObjectAsync(new GetObjectRequest { Bucket = storage.Bucket, Key = key }, cancellationToken);
        var response = context.Response;
        response.ContentType = get.ContentType ?? "application/octet-stream";
        response.ContentLength = get.ContentLength;
        if (get.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        if (get.LastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        await get.Body.CopyToAsync(response.Body, cancellationToken);
    }

    /// <summary><c>DELETE /files/{key}</c>: 204 (also when there was no such object, as COS answers).</summary>
    private static async Task<IResult> DeleteAsync(string key, ICosClient cos, StorageOptions storage, CancellationToken cancellationToken)
    {
        if (BadKey(key) is { } bad)
        {
            return bad;
        }

        await cos.DeleteObjectAsync(new DeleteObjectRequest { Bucket = storage.Bucket, Key = key }, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>
    /// <c>GET /presign/{key}?method=GET|PUT</c>: a URL a browser or <c>curl</c> can download (or upload) the object with,
    /// for <c>Storage:PresignMinutes</c>, without this service in the way.
    /// </summary>
    private static async Task<IResult> PresignAsync(string key, string? method, ICosClient cos, StorageOptions storage, CancellationToken cancellationToken)
    {
        if (BadKey(key) is { } bad)
        {
            return bad;
        }

        var verb = method?.ToUpperInvariant() switch
        {
            null or "" or "GET" => HttpMethod.Get,
            "PUT" => HttpMethod.Put,
            _ => null,
        };
        if (verb is null)
        {
            return Error(StatusCodes.Status400BadRequest, "BadMethod", "method must be GET or PUT.");
        }

        var validFor = TimeSpan.FromMinutes(storage.PresignMinutes);
        var url = await cos.GetObjectUrlAsync(storage.Bucket, key, validFor, verb, cancellationToken: cancellationToken);
        return TypedResults.Ok(new PresignedUrl(url, verb.Method, DateTimeOffset.UtcNow + validFor));
    }

    /// <summary>Turns a <see cref="CosException"/> into a JSON answer, if nothing was sent yet.</summary>
    private static async Task AnswerCosErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (CosException e) when (!context.Response.HasStarted)
        {
            var status = e.StatusCode == StatusCodes.Status404NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status502BadGateway;
            context.Response.Clear();
            await Error(status, e.ErrorCode ?? "CosError", e.ErrorMessage ?? e.Message, e.RequestId).ExecuteAsync(context);
        }
    }

    private static IResult? BadKey(string key) =>
        string.IsNullOrEmpty(key) ? Error(StatusCodes.Status400BadRequest, "BadKey", "The path must name an object: /files/{key}.") : null;

    private static IResult Error(int status, string error, string message, string? requestId = null) =>
        Results.Json(new ErrorResponse(error, message, requestId), WebAppJsonContext.Default.ErrorResponse, statusCode: status);
}
