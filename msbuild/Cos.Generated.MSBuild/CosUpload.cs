using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Uploads files to a COS bucket: the <see cref="Files"/> items and/or every file under <see cref="SourceDirectory"/>
/// that the globs select. Unchanged objects are skipped (same size and CRC-64 or MD5) unless <see cref="Force"/>;
/// <see cref="DryRun"/> only reports. The key comes from <c>COS_SECRET_ID</c>/<c>COS_SECRET_KEY</c>
/// (<c>COS_SECURITY_TOKEN</c>) in the environment unless <see cref="SecretId"/>/<see cref="SecretKey"/> are given.
/// See docs/msbuild.md.
/// </summary>
public sealed class CosUpload : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The bucket, <c>name-appid</c>.</summary>
    [Required]
    public string Bucket { get; set; } = string.Empty;

    /// <summary>The bucket's region, such as <c>ap-guangzhou</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A custom endpoint template (the SDK's <c>Domain</c>, e.g. <c>{Bucket}.cos.{Region}.example.com</c>).</summary>
    public string? Domain { get; set; }

    /// <summary><c>https</c> (default) or <c>http</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>Connect to this <c>host:port</c> while the URL and Host header keep the COS name (a proxy or a local emulator).</summary>
    public string? ConnectTo { get; set; }

    /// <summary>
    /// The SecretId. Leave empty to read <c>COS_SECRET_ID</c> from the environment: MSBuild records task parameters
    /// in detailed logs and binlogs, so a key given here is in them.
    /// </summary>
    public string? SecretId { get; set; }

    /// <summary>
    /// The SecretKey. Avoid it: it is recorded in binlogs and detailed logs like every task parameter. Leave it empty
    /// to read <c>COS_SECRET_KEY</c> from the environment inside the task, where no log sees it.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The token of a temporary key (recorded in binlogs like <see cref="SecretKey"/>); default <c>COS_SECURITY_TOKEN</c>.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>
    /// Files to upload. Metadata: <c>Key</c> (else <see cref="KeyPrefix"/> + <c>%(RecursiveDir)</c> + file name),
    /// <c>ContentType</c>, <c>CacheControl</c>, <c>ContentDisposition</c>, <c>StorageClass</c>, <c>Acl</c>, <c>Tags</c>
    /// (<c>k=v;k2=v2</c>, merged over <see cref="Tags"/>), and user metadata as <c>x-cos-meta-NAME</c>.
    /// </summary>
    public ITaskItem[]? Files { get; set; }

    /// <summary>A directory whose files are uploaded under <see cref="KeyPrefix"/> with their relative paths.</summary>
    public string? SourceDirectory { get; set; }

    /// <summary><c>;</c>-separated globs relative to <see cref="SourceDirectory"/> (<c>**/*.js</c>); empty includes every file.</summary>
    public string? Include { get; set; }

    /// <summary><c>;</c>-separated globs relative to <see cref="SourceDirectory"/> of files to leave out (<c>**/*.pdb</c>).</summary>
    public string? Exclude { get; set; }

    /// <summary>Prepended to keys made from paths; a trailing <c>/</c> is added when missing.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>The Content-Type of every file without its own; default: by extension, else none.</summary>
    public string? ContentType { get; set; }

    /// <summary>The Cache-Control of every file without its own.</summary>
    public string? CacheControl { get; set; }

    /// <summary>The Content-Disposition of every file without its own.</summary>
    public string? ContentDisposition { get; set; }

    /// <summary>The storage class of every file without its own (<c>STANDARD</c>, <c>STANDARD_IA</c>…).</summary>
    public string? StorageClass { get; set; }

    /// <summary>User metadata of every file, as <c>name=value</c> entries (sent as <c>x-cos-meta-name</c>).</summary>
    public string[]? Metadata { get; set; }

    /// <summary>
    /// The canned ACL of every file without its own <c>Acl</c> metadata: <c>default</c>, <c>private</c>, <c>public-read</c>,
    /// <c>authenticated-read</c>, <c>bucket-owner-read</c> or <c>bucket-owner-full-control</c>. Empty inherits the bucket's.
    /// </summary>
    public string? Acl { get; set; }

    /// <summary>
    /// Tags of every file, as <c>key=value</c> entries (<c>team=web;build=42</c>); an item's <c>Tags</c> metadata is merged
    /// over them. At most 10 per object, keys of 1 to 128 characters, values of at most 256. The SDK URL-encodes them.
    /// </summary>
    public string[]? Tags { get; set; }

    /// <summary>
    /// Server-side encryption of every file: <c>AES256</c> (SSE-COS) or <c>cos/kms</c> (SSE-KMS, with <see cref="KmsKeyId"/>).
    /// SSE-C is not offered: MSBuild records task parameters in binlogs, and the key would be in them.
    /// </summary>
    public string? ServerSideEncryption { get; set; }

    /// <summary>The KMS key id of <c>cos/kms</c>; empty uses the account's default COS key.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Bandwidth limit of each upload request (PUT or part) in bit/s, 819200 to 838860800; 0 (default) for none.</summary>
    public long TrafficLimit { get; set; }

    /// <summary>Upload every file, without checking whether its object is already there.</summary>
    public bool Force { get; set; }

    /// <summary>Only check and report what would be uploaded or skipped; nothing is uploaded.</summary>
    public bool DryRun { get; set; }

    /// <summary>Files uploaded at once (default 3, 1–256).</summary>
    public int FileParallelLimit { get; set; } = 3;

    /// <summary>Parts of one file uploaded at once (default 3, 1–256).</summary>
    public int ChunkParallelLimit { get; set; } = 3;

    /// <summary>Files larger than this many bytes go in parts (default 0: the SDK's 1 MiB).</summary>
    public long SliceSize { get; set; }

    /// <summary>The part size in bytes (default 0: the SDK's 1 MiB, grown for very large files).</summary>
    public long ChunkSize { get; set; }

    /// <summary>Retries of a failed request (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// When positive, a presigned GET URL valid this many seconds is made for every output item and written to
    /// <see cref="PresignedUrlsFile"/>, which must then be set.
    /// </summary>
    public int PresignExpirySeconds { get; set; }

    /// <summary>
    /// The file that receives the presigned URLs (a JSON array of <c>key</c>, <c>file</c>, <c>presignedUrl</c>,
    /// <c>expires</c>), readable by its owner only. The URLs are not item metadata: MSBuild logs output items in
    /// binlogs and detailed logs, and a presigned URL carries a signature and the security token.
    /// </summary>
    public string? PresignedUrlsFile { get; set; }

    /// <summary>The uploaded files, with <c>Key</c>, <c>Bucket</c>, <c>Url</c>, <c>ETag</c>, <c>Crc64</c>, <c>Size</c> and <c>RequestId</c>.</summary>
    [Output]
    public ITaskItem[] UploadedItems { get; private set; } = [];

    /// <summary>The files not uploaded, with <c>Reason</c> (<c>Unchanged</c> or <c>DryRun</c>), <c>Key</c>, <c>Url</c>, and the remote <c>ETag</c>/<c>Crc64</c>.</summary>
    [Output]
    public ITaskItem[] SkippedItems { get; private set; } = [];

    /// <summary>Ctrl-C: stops every upload; multipart uploads in flight are aborted, so no partial object becomes visible.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc/>
    public override bool Execute()
    {
        var credentials = UploadCredentials.Resolve(SecretId, SecretKey, SecurityToken, Environment.GetEnvironmentVariable, out var problem);
        if (credentials is null)
        {
            return Fail(CosErrorCodes.MissingCredentials, problem!);
        }

        if (credentials.FromParameters)
        {
            Log.LogMessage(MessageImportance.Normal, "CosUpload: the key comes from the SecretId/SecretKey parameters, which MSBuild records in binlogs and detailed logs; prefer COS_SECRET_ID/COS_SECRET_KEY in the environment.");
        }

        var settings = UploadSettings.Read(this);
        if (settings.Problem is not null)
        {
            return Fail(CosErrorCodes.InvalidParameter, settings.Problem);
        }

        var planner = new UploadPlanner(KeyPrefix ?? string.Empty, settings.Defaults);
        planner.AddFiles(Files ?? []);
        if (!string.IsNullOrWhiteSpace(SourceDirectory))
        {
            planner.AddDirectory(SourceDirectory, settings.Include, settings.Exclude);
        }

        foreach (var diagnostic in planner.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                Log.LogError(null, diagnostic.Code, null, null, 0, 0, 0, 0, diagnostic.Message);
            }
            else
            {
                Log.LogWarning(null, diagnostic.Code, null, null, 0, 0, 0, 0, diagnostic.Message);
            }
        }

        if (planner.HasErrors)
        {
            return false;
        }

        if (planner.Uploads.Count == 0)
        {
            var where = string.IsNullOrWhiteSpace(SourceDirectory) ? "Files is empty" : $"no file under {SourceDirectory} matches the Include/Exclude globs";
            Log.LogWarning(null, CosErrorCodes.NothingToUpload, null, null, 0, 0, 0, 0, $"CosUpload: nothing to upload ({where}).");

            // An empty list replaces the last run's, whose URLs a script would otherwise take for this run's.
            return WritePresignedUrls([]);
        }

        CosClient client;
        try
        {
            client = new CosClient(settings.ClientOptions(credentials));
        }
        catch (ArgumentException ex)
        {
            return Fail(CosErrorCodes.InvalidParameter, $"CosUpload: {ex.Message}");
        }

        using (client)
        {
            var urls = new ObjectUrls(client, Bucket, settings.PresignExpiry, TimeProvider.System);
            try
            {
                // Resolving one URL checks the bucket name and endpoint before anything is sent.
                urls.Plain(planner.Uploads[0].Key);
            }
            catch (ArgumentException ex)
            {
                return Fail(CosErrorCodes.InvalidParameter, $"CosUpload: {ex.Message}");
            }

            return Upload(client, planner, urls);
        }
    }

    private bool Upload(CosClient client, UploadPlanner planner, ObjectUrls urls)
    {
        var outputs = new OutputItems(Bucket, urls);
        using var pump = new LogPump();
        var run = new UploadRun(client, Bucket, planner.Uploads, Log, pump) { FileParallelLimit = FileParallelLimit, Force = Force, DryRun = DryRun };
        var clock = Stopwatch.StartNew();
        var canceled = false;
        try
        {
            pump.Run(() => run.RunAsync(_cancel.Token));
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            canceled = true;
        }

        clock.Stop();
        var summary = UploadSummary.From(planner.Uploads, run.Outcomes);
        UploadedItems = summary.Uploaded.Select(u => outputs.Uploaded(u.Upload, u.Outcome.Result!)).ToArray();
        SkippedItems = summary.Skipped.Select(s => outputs.Skipped(s.Upload, s.Outcome.Kind == FileOutcomeKind.Unchanged ? OutputItems.ReasonUnchanged : OutputItems.ReasonDryRun, s.Outcome.Remote)).ToArray();
        Log.LogMessage(MessageImportance.High, summary.Describe(Bucket, DryRun, clock.Elapsed));

        // Every output item, uploaded or skipped, gets a URL; a failure to write is a COS008 error, which HasLoggedErrors below sees.
        var listed = summary.Uploaded.Select(u => u.Upload).Concat(summary.Skipped.Select(s => s.Upload));
        WritePresignedUrls(listed.Select(Presign));
        if (canceled)
        {
            return Fail(CosErrorCodes.Canceled, $"CosUpload was canceled after {summary.Uploaded.Count} of {planner.Uploads.Count} files; uploads in flight were stopped and their multipart uploads aborted, so no partial object is visible.");
        }

        return !Log.HasLoggedErrors;

        PresignedUrlFile.Entry Presign(PlannedUpload upload)
        {
            var (url, expires) = urls.Presigned(upload.Key);
            return new PresignedUrlFile.Entry(upload.Key, upload.FilePath, url!, expires!);
        }
    }

    /// <summary>Writes <see cref="PresignedUrlsFile"/> when presigned URLs were asked for (the settings check made sure it is set); false after a COS008 error.</summary>
    private bool WritePresignedUrls(IEnumerable<PresignedUrlFile.Entry> entries)
    {
        if (PresignExpirySeconds <= 0)
        {
            return true;
        }

        try
        {
            var count = PresignedUrlFile.Write(PresignedUrlsFile!, entries);
            Log.LogMessage(MessageImportance.Normal, $"CosUpload: wrote {count} presigned URL{(count == 1 ? "" : "s")} to {PresignedUrlsFile}; they work without the key until they expire, so keep the file out of published artifacts.");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(CosErrorCodes.PresignedUrlsNotWritten, $"CosUpload: could not write the presigned URLs to {PresignedUrlsFile}: {ex.Message}");
        }
    }

    private bool Fail(string code, string message)
    {
        Log.LogError(null, code, null, null, 0, 0, 0, 0, message);
        return false;
    }
}
