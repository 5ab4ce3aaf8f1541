using Cos.Generated.Transfer;

namespace Cos.Generated;

/// <summary>
/// What <see cref="CosClient"/> does, as an interface, so code that calls COS can be tested with a fake (or a mock) and
/// take the client from dependency injection. Every operation of the spec, its paginators, presigned URLs and the
/// transfer methods are here: the operation members are generated from the spec into another part of this interface,
/// and the client implements all of it. <see cref="CosClient"/>'s own docs describe each member.
/// </summary>
public partial interface ICosClient : IDisposable
{
    /// <inheritdoc cref="CosClient.Options"/>
    CosClientOptions Options { get; }

    /// <inheritdoc cref="CosClient.GetObjectUrl(string, string, Nullable{TimeSpan}, HttpMethod, IEnumerable{KeyValuePair{string, string}}, string)"/>
    Uri GetObjectUrl(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null);

    /// <inheritdoc cref="CosClient.GetObjectUrl(string, string, CosObjectUrlOptions)"/>
    Uri GetObjectUrl(string bucket, string key, CosObjectUrlOptions options);

    /// <inheritdoc cref="CosClient.GetObjectUrlAsync(string, string, Nullable{TimeSpan}, HttpMethod, IEnumerable{KeyValuePair{string, string}}, string, CancellationToken)"/>
    ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, TimeSpan? expires = null, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? query = null, string? region = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.GetObjectUrlAsync(string, string, CosObjectUrlOptions, CancellationToken)"/>
    ValueTask<Uri> GetObjectUrlAsync(string bucket, string key, CosObjectUrlOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.UploadFileAsync"/>
    Task<CosUploadResult> UploadFileAsync(string bucket, string key, string filePath, CosUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.UploadAsync"/>
    Task<CosUploadResult> UploadAsync(string bucket, string key, Stream content, CosUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.CopyAsync"/>
    Task<CosCopyResult> CopyAsync(CosCopySource source, string bucket, string key, CosCopyOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.DownloadFileAsync"/>
    Task<CosDownloadResult> DownloadFileAsync(string bucket, string key, string filePath, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.DownloadAsync"/>
    Task<CosDownloadResult> DownloadAsync(string bucket, string key, Stream destination, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.UploadFilesAsync"/>
    Task<CosBatchUploadResult> UploadFilesAsync(IEnumerable<CosFileUpload> files, int? fileParallelLimit = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CosClient.UploadDirectoryAsync"/>
    Task<CosBatchUploadResult> UploadDirectoryAsync(string bucket, string directory, CosDirectoryUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default);
}
