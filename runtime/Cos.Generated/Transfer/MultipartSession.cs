using System.Globalization;
using Cos.Generated.Credentials;
using Cos.Generated.Pipeline;
using Cos.Generated.Protocol;

namespace Cos.Generated.Transfer;

/// <summary>
/// One multipart upload on the server, as uploads and copies use it: started (finding again an upload whose
/// InitiateMultipartUpload answer was lost), completed (recognising the object when Complete's answer was lost and
/// the retry finds the upload gone), or aborted quietly. Its retries use the transfer's <see cref="RetryBudget"/>.
/// </summary>
/// <remarks>
/// <paramref name="customerKey"/> is the SSE-C key the upload was initiated with (null for none): the parts of such
/// an upload carry it, and so does the HEAD that recognises its object after a lost Complete answer.
/// </remarks>
internal sealed class MultipartSession(CosClient client, string bucket, string key, string? region, string uploadId, RetryBudget budget, CosServerSideEncryption? customerKey)
{
    /// <summary>How far before our request an upload found by its key may have been initiated and still be ours (clock steps, second precision).</summary>
    private static readonly TimeSpan InitiatedSlack = TimeSpan.FromSeconds(2);

    public string UploadId => uploadId;

    /// <summary>The upload's SSE-C key; null when it has none.</summary>
    public CosServerSideEncryption? CustomerKey => customerKey;

    /// <summary>
    /// Initiates a multipart upload, retrying where that is safe. A try whose outcome is unknown (a broken
    /// connection, a timeout, a 5xx) may have created the upload although its answer was lost: before trying again,
    /// ListMultipartUploads looks for an upload of this key initiated since the try was sent, and adopts it, so it is
    /// neither left behind nor duplicated.
    /// </summary>
    public static async Task<MultipartSession> StartAsync(CosClient client, InitiateMultipartUploadRequest request, RetryBudget budget, CosServerSideEncryption? customerKey, CancellationToken cancellationToken)
    {
        var options = client.Options;
        for (var attempt = 0; ; attempt++)
        {
            var sentAt = client.Pipeline.Clock.Now;
            try
            {
                var initiated = await client.InitiateMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
                var id = initiated.UploadId ?? throw new CosResponseFormatException("InitiateMultipartUpload returned no UploadId.", initiated.StatusCode, initiated.RequestId);
                return new MultipartSession(client, request.Bucket, request.Key, request.Region, id, budget, customerKey);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && RetryClassifier.IsRetryable(ex, CosOperationSafety.Idempotent))
            {
                if (await FindInitiatedSinceAsync(client, request, sentAt - InitiatedSlack, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return new MultipartSession(client, request.Bucket, request.Key, request.Region, found, budget, customerKey);
                }

                if (attempt >= options.ChunkRetryTimes || !budget.TryTake())
                {
                    throw;
                }

                await RetryBackoff.DelayAsync(options, attempt, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Completes the upload and checks the object against <paramref name="expectedCrc64"/> (when known) and
    /// <paramref name="size"/>. Complete is retried on server errors and broken connections; when a retry finds the
    /// upload gone (NoSuchUpload) after a try whose outcome is unknown, that try may have completed it, and HEAD
    /// decides: the object is accepted only if it has the size and CRC-64 of the parts sent — an object replaced
    /// meanwhile fails with <see cref="CosIntegrityException"/>.
    /// </summary>
    public async Task<CompleteMultipartUploadResponse> CompleteAsync(IReadOnlyList<CompletedPart> parts, ulong? expectedCrc64, long size, CancellationToken cancellationToken)
    {
        var options = client.Options;
        var request = new CompleteMultipartUploadRequest { Bucket = bucket, Key = key, Region = region, UploadId = uploadId, Parts = parts };
        var outcomeUnknown = false;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await client.CompleteMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
                if (expectedCrc64 is { } expected && response.Crc64 is { } reported && reported != expected)
                {
                    throw new CosIntegrityException(
                        string.Create(CultureInfo.InvariantCulture, $"The object's CRC-64 from CompleteMultipartUpload is {reported}, but the parts sent combine to {expected}."),
                        expected,
                        reported,
                        response.RequestId);
                }

                return response;
            }
            catch (CosException error) when (outcomeUnknown && error.StatusCode == 404 && error.ErrorCode == CosErrorCodes.NoSuchUpload)
            {
                return await RecoverLostCompleteAsync(error, expectedCrc64, size, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                && ex is not CosIntegrityException
                && RetryClassifier.IsRetryable(ex, CosOperationSafety.Idempotent)
                && attempt < options.ChunkRetryTimes
                && budget.TryTake())
            {
                outcomeUnknown = true; // Even an error answer may come after COS assembled the object.
                await RetryBackoff.DelayAsync(options, attempt, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Aborts the upload after a failure; an abort failure must not hide the original error, so it is dropped.</summary>
    public async Task AbortQuietlyAsync()
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = bucket, Key = key, Region = region, UploadId = uploadId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CosException or HttpRequestException or IOException or OperationCanceledException or TimeoutException or CosCredentialsException)
        {
            // The original failure is what the caller needs; the upload can still be aborted later (ListMultipartUploads).
        }
    }

    private async Task<CompleteMultipartUploadResponse> RecoverLostCompleteAsync(CosException noSuchUpload, ulong? expectedCrc64, long size, CancellationToken cancellationToken)
    {
        var head = await client.HeadObjectAsync(new HeadObjectRequest
            {
                Bucket = bucket,
                Key = key,
                Region = region,
                SseCustomerAlgorithm = customerKey?.CustomerAlgorithm,
                SseCustomerKey = customerKey?.CustomerKey,
                SseCustomerKeyMd5 = customerKey?.CustomerKeyMd5,
            }, cancellationToken).ConfigureAwait(false);
        if (expectedCrc64 is { } expected && head.Crc64 != expected)
        {
            throw new CosIntegrityException(
                string.Create(CultureInfo.InvariantCulture, $"CompleteMultipartUpload's answer was lost and the upload is gone; the object's CRC-64 is {head.Crc64?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, not the {expected} of the parts sent."),
                expected,
                head.Crc64,
                head.RequestId);
        }

        if (head.ContentLength != size)
        {
            throw noSuchUpload; // Not the object the parts make: the upload is gone for another reason.
        }

        return new CompleteMultipartUploadResponse { StatusCode = head.StatusCode, RequestId = head.RequestId, ETag = head.ETag, VersionId = head.VersionId, Crc64 = head.Crc64, Bucket = bucket, Key = key };
    }

    /// <summary>The newest upload of exactly this key (and storage class) initiated since <paramref name="since"/>; null when none, or when the listing fails.</summary>
    private static async Task<string?> FindInitiatedSinceAsync(CosClient client, InitiateMultipartUploadRequest request, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            MultipartUpload? newest = null;
            await foreach (var upload in client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = request.Bucket, Region = request.Region, Prefix = request.Key }, cancellationToken).ConfigureAwait(false))
            {
                if (upload.Key == request.Key
                    && !string.IsNullOrEmpty(upload.UploadId)
                    && upload.Initiated >= since
                    && (request.StorageClass is null || upload.StorageClass == request.StorageClass)
                    && (newest is null || upload.Initiated > newest.Initiated))
                {
                    newest = upload;
                }
            }

            return newest?.UploadId;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            return null; // Nothing to adopt that we can see; the caller tries again or fails.
        }
    }
}
