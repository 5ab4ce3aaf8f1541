using Cos.Generated.Transfer;

namespace Cos.Generated;

/// <summary>
/// The high-level transfers (the JavaScript SDK's <c>uploadFile</c>, <c>sliceCopyFile</c>, <c>downloadFile</c>,
/// <c>uploadFiles</c>): each is the work of a transfer type of its own in <see cref="Cos.Generated.Transfer"/>, which
/// calls the client's public operations with per-call options; this part of the client only hands them over.
/// </summary>
public sealed partial class CosClient
{
    /// <summary>
    /// The key in <see cref="Exception.Data"/> of a failed or canceled upload's exception that holds the id of the
    /// multipart upload kept on the server (<see cref="CosUploadFailureAction.Keep"/>).
    /// </summary>
    public const string UploadIdDataKey = "Cos.UploadId";

    /// <summary>The suffix of the partial file a download writes before renaming it into place.</summary>
    public const string DownloadPartialSuffix = ".cosdownload";

    /// <summary>
    /// A file's parts larger than this are not buffered but read at their offsets while they are sent, so memory
    /// stays near ParallelLimit × 1 MiB whatever the part size. The default 0 does this for every file part
    /// (8 MiB × 4 peaked at 108 MiB RSS buffered, 65 MiB read in place: docs/benchmarks.md); streams are buffered.
    /// </summary>
    internal long MaxBufferedPartBytes { get; set; }

    /// <summary>
    /// Tests only: plan parts in this unit instead of 1 MiB, starting at one unit, so inputs that need more than
    /// 10,000 parts are kilobytes rather than gigabytes (the emulator's <c>MinPartSize</c> is lowered to match).
    /// </summary>
    internal long? PartSizeUnitForTests { get; set; }

    internal ObjectUploader Uploads => field ??= new ObjectUploader(this);

    internal ObjectCopier Copies => field ??= new ObjectCopier(this);

    internal ObjectDownloader Downloads => field ??= new ObjectDownloader(this);

    internal BatchUploader Batches => field ??= new BatchUploader(this);

    /// <summary>
    /// Uploads a file: one PUT up to <see cref="CosClientOptions.SliceSize"/>, a resumable multipart upload
    /// above it (see <see cref="CosUploadOptions"/>). Every part's CRC-64 and the whole object's are checked
    /// against COS's; a mismatch throws <see cref="CosIntegrityException"/>.
    /// </summary>
    /// <exception cref="CosException">COS refused the upload, or a part failed after its retries.</exception>
    /// <exception cref="OperationCanceledException">Canceled; the multipart upload is kept or aborted as <see cref="CosUploadOptions.OnFailure"/> says.</exception>
    public Task<CosUploadResult> UploadFileAsync(string bucket, string key, string filePath, CosUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TransferTelemetry.RunAsync(this, CosTransferDirection.Upload, bucket, key, () => Uploads.UploadFileCoreAsync(bucket, key, filePath, options, progress, hooks: null, cancellationToken), static r => r.Size);

    /// <summary>
    /// Uploads a stream from its current position. A seekable stream's length is known and sized like a file's;
    /// a non-seekable one is read part by part until it ends (one PUT if it ends within
    /// <see cref="CosClientOptions.SliceSize"/>). Streams are not resumed across calls; the stream is not disposed.
    /// </summary>
    /// <exception cref="CosException">COS refused the upload, or a part failed after its retries.</exception>
    /// <exception cref="OperationCanceledException">Canceled; the multipart upload is kept or aborted as <see cref="CosUploadOptions.OnFailure"/> says.</exception>
    public Task<CosUploadResult> UploadAsync(string bucket, string key, Stream content, CosUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TransferTelemetry.RunAsync(this, CosTransferDirection.Upload, bucket, key, () => Uploads.UploadAsync(bucket, key, content, options, progress, cancellationToken), static r => r.Size);

    /// <summary>
    /// Copies an object (the JavaScript SDK's <c>sliceCopyFile</c>): one PUT Object - Copy up to
    /// <see cref="CosClientOptions.CopySliceSize"/>, a multipart copy of <see cref="CosClientOptions.CopyChunkSize"/>
    /// ranges with <see cref="CosClientOptions.CopyChunkParallelLimit"/> in flight above it. The source's
    /// metadata is kept unless <paramref name="options"/> replaces it; the destination's CRC-64 is checked
    /// against the source's. A failed multipart copy is aborted unless <see cref="CosCopyOptions.KeepUploadOnFailure"/>.
    /// </summary>
    /// <exception cref="CosObjectChangedException">The source changed during the copy.</exception>
    /// <exception cref="CosIntegrityException">The destination's CRC-64 differs from the source's.</exception>
    /// <exception cref="CosException">COS refused the copy, or a part failed after its retries.</exception>
    public Task<CosCopyResult> CopyAsync(CosCopySource source, string bucket, string key, CosCopyOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TransferTelemetry.RunAsync(this, CosTransferDirection.Copy, bucket, key, () => Copies.CopyAsync(source, bucket, key, options, progress, cancellationToken), static r => r.Size);

    /// <summary>
    /// Downloads an object into a file with parallel ranged GETs, each with <c>If-Match</c> on the ETag from a
    /// HEAD, written at their offsets into <c>filePath + ".cosdownload"</c>, which replaces <paramref name="filePath"/>
    /// only once every byte is there and the CRC-64 (combined from the parts) matches COS's. Resumable: a
    /// checkpoint next to the partial file lets a later call for the same object fetch only the missing parts.
    /// </summary>
    /// <exception cref="CosObjectChangedException">The object changed during the download (or since the checkpoint: then it starts over instead).</exception>
    /// <exception cref="CosIntegrityException">The bytes written do not have the object's CRC-64.</exception>
    /// <exception cref="CosException">COS refused a request, or a part failed after its retries.</exception>
    public Task<CosDownloadResult> DownloadFileAsync(string bucket, string key, string filePath, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TransferTelemetry.RunAsync(this, CosTransferDirection.Download, bucket, key, () => Downloads.DownloadFileAsync(bucket, key, filePath, options, progress, cancellationToken), static r => r.Size);

    /// <summary>
    /// Downloads an object into <paramref name="destination"/>, written in order: up to
    /// <see cref="CosDownloadOptions.ParallelLimit"/> ranged GETs in flight into pooled part buffers (memory
    /// about ParallelLimit × part size), or one range at a time streamed straight through when the limit is 1
    /// or parts exceed 64 MiB. Every GET carries <c>If-Match</c> on the ETag from a HEAD; a broken range is
    /// retried from where it stopped. The CRC-64 of everything written is checked against COS's at the end
    /// (after the bytes were written: on a mismatch the caller must discard them). Not resumable.
    /// </summary>
    /// <exception cref="CosObjectChangedException">The object changed during the download.</exception>
    /// <exception cref="CosIntegrityException">The bytes written do not have the object's CRC-64.</exception>
    public Task<CosDownloadResult> DownloadAsync(string bucket, string key, Stream destination, CosDownloadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TransferTelemetry.RunAsync(this, CosTransferDirection.Download, bucket, key, () => Downloads.DownloadAsync(bucket, key, destination, options, progress, cancellationToken), static r => r.Size);

    /// <summary>
    /// Uploads several files, up to <paramref name="fileParallelLimit"/> at once (JS <c>uploadFiles</c>), each as
    /// <see cref="UploadFileAsync"/> would: multipart and resumable above <see cref="CosClientOptions.SliceSize"/>,
    /// CRC-64 checked. One file's failure does not stop the others: every file gets an outcome, in the order given.
    /// </summary>
    /// <param name="files">The files; each may carry its own options and progress.</param>
    /// <param name="fileParallelLimit">Files at once; null uses <see cref="CosClientOptions.FileParallelLimit"/>.</param>
    /// <param name="progress">The summed progress of all files (bytes of every file, total of their sizes).</param>
    /// <param name="cancellationToken">Stops every upload; their multipart uploads are kept or aborted as each file's options say.</param>
    /// <exception cref="ArgumentException">A file lacks a bucket, key or path, or has invalid options; nothing was uploaded.</exception>
    /// <exception cref="OperationCanceledException">Canceled.</exception>
    public Task<CosBatchUploadResult> UploadFilesAsync(IEnumerable<CosFileUpload> files, int? fileParallelLimit = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Batches.UploadFilesAsync(files, fileParallelLimit, progress, cancellationToken);

    /// <summary>
    /// Uploads every file under a directory, keyed by <see cref="CosDirectoryUploadOptions.KeyPrefix"/> plus its
    /// relative path with <c>/</c> separators, as <see cref="UploadFilesAsync"/> does (hidden files included;
    /// filter with <see cref="CosDirectoryUploadOptions.Filter"/>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="OperationCanceledException">Canceled.</exception>
    public Task<CosBatchUploadResult> UploadDirectoryAsync(string bucket, string directory, CosDirectoryUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Batches.UploadDirectoryAsync(bucket, directory, options, progress, cancellationToken);
}
