using Cos.Generated.Transfer;
using Microsoft.Build.Framework;

namespace Cos.Generated.MSBuild;

/// <summary>One file the task will check and upload: where it is, its key, its upload options and the item it came from.</summary>
/// <param name="FilePath">The full path of the local file.</param>
/// <param name="Key">The object key.</param>
/// <param name="Size">The file's size when planned.</param>
/// <param name="Options">Content type, headers, storage class and user metadata of the object.</param>
/// <param name="Source">The <c>Files</c> item, or a new item for a file found under <c>SourceDirectory</c>.</param>
internal sealed record PlannedUpload(string FilePath, string Key, long Size, CosUploadOptions Options, ITaskItem Source);
