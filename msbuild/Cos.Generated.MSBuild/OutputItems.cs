using System.Globalization;
using Cos.Generated.Integrity;
using Cos.Generated.Transfer;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Makes the task's output items: the local file as item spec, the input item's own metadata, and what later
/// targets need about the object (<c>Key</c>, <c>Bucket</c>, <c>Url</c>, <c>ETag</c>, <c>Crc64</c>, <c>Size</c>…).
/// </summary>
internal sealed class OutputItems(string bucket, ObjectUrls urls)
{
    /// <summary>The <c>Reason</c> of a skipped item whose object already has the file's content.</summary>
    public const string ReasonUnchanged = "Unchanged";

    /// <summary>The <c>Reason</c> of an item a dry run did not upload.</summary>
    public const string ReasonDryRun = "DryRun";

    public ITaskItem Uploaded(PlannedUpload upload, CosUploadResult result)
    {
        var item = Base(upload);
        Set(item, "ETag", result.ETag);
        Set(item, "Crc64", result.Crc64 is { } crc ? CosCrc64.Format(crc) : null);
        Set(item, "Size", result.Size.ToString(CultureInfo.InvariantCulture));
        Set(item, "RequestId", result.RequestId);
        return item;
    }

    public ITaskItem Skipped(PlannedUpload upload, string reason, RemoteComparison? remote)
    {
        var item = Base(upload);
        Set(item, "Reason", reason);
        Set(item, "ETag", remote?.ETag);
        Set(item, "Crc64", remote?.Crc64 is { } crc ? CosCrc64.Format(crc) : null);
        Set(item, "Size", upload.Size.ToString(CultureInfo.InvariantCulture));
        return item;
    }

    private TaskItem Base(PlannedUpload upload)
    {
        var item = new TaskItem(Escape(upload.FilePath));
        upload.Source.CopyMetadataTo(item);
        Set(item, "Key", upload.Key);
        Set(item, "Bucket", bucket);
        // The plain URL only: presigned URLs go to PresignedUrlsFile, because MSBuild logs this metadata (see PresignedUrlFile).
        Set(item, "Url", urls.Plain(upload.Key));
        return item;
    }

    private static void Set(TaskItem item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            // Escaped: a key or URL may hold '%', ';' or '@', which MSBuild would otherwise read as its syntax.
            item.SetMetadata(name, Escape(value));
        }
    }

    /// <summary>MSBuild's escaping: each of <c>%*?@$();'</c> as <c>%XX</c>.</summary>
    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("%*?@$();'") < 0)
        {
            return value;
        }

        var text = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if ("%*?@$();'".Contains(c))
            {
                text.Append('%').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
