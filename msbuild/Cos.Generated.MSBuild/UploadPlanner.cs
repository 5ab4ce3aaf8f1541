using Cos.Generated.Transfer;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Turns the task's <c>Files</c> items and <c>SourceDirectory</c> into one upload per key, with each object's
/// settings (item metadata over task defaults over the extension's content type), and reports what is wrong.
/// </summary>
internal sealed class UploadPlanner
{
    /// <summary>The item metadata prefix of user metadata: <c>x-cos-meta-author="me"</c>.</summary>
    public const string UserMetadataPrefix = "x-cos-meta-";

    private readonly Dictionary<string, PlannedUpload> _byKey = new(StringComparer.Ordinal);
    private readonly List<PlannedUpload> _uploads = [];
    private readonly List<PlanDiagnostic> _diagnostics = [];

    public UploadPlanner(string keyPrefix, ObjectDefaults defaults)
    {
        KeyPrefix = NormalizePrefix(keyPrefix);
        Defaults = defaults;
    }

    /// <summary>The prefix of keys made from paths: no leading <c>/</c>, a trailing <c>/</c> unless empty.</summary>
    public string KeyPrefix { get; }

    public ObjectDefaults Defaults { get; }

    /// <summary>The uploads in the order they were added.</summary>
    public IReadOnlyList<PlannedUpload> Uploads => _uploads;

    public IReadOnlyList<PlanDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Adds the <c>Files</c> items: the key is the item's <c>Key</c> metadata, else the prefix plus the item's
    /// <c>RecursiveDir</c> and file name (so <c>dist/**</c> keeps its folders).
    /// </summary>
    public void AddFiles(IEnumerable<ITaskItem> files)
    {
        foreach (var item in files)
        {
            var path = Path.GetFullPath(item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec);
            if (Directory.Exists(path))
            {
                Warn(CosErrorCodes.DirectorySkipped, $"'{item.ItemSpec}' is a directory, not a file; it is skipped. Use SourceDirectory (or a glob such as dir/**) to upload a folder.");
                continue;
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                Error(CosErrorCodes.SourceNotFound, $"The file to upload does not exist: {path}");
                continue;
            }

            var explicitKey = item.GetMetadata("Key");
            var key = explicitKey.Length > 0
                ? explicitKey.TrimStart('/')
                : KeyPrefix + item.GetMetadata("RecursiveDir").Replace('\\', '/') + file.Name;
            Add(file, key, item);
        }
    }

    /// <summary>Adds every file under <paramref name="directory"/> that an include glob matches (all when there are none) and no exclude glob does.</summary>
    public void AddDirectory(string directory, IReadOnlyList<GlobPattern> include, IReadOnlyList<GlobPattern> exclude)
    {
        var root = new DirectoryInfo(Path.GetFullPath(directory));
        if (!root.Exists)
        {
            Error(CosErrorCodes.SourceNotFound, $"The source directory does not exist: {root.FullName}");
            return;
        }

        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var found = new List<(string Relative, FileInfo File)>();
        foreach (var file in root.EnumerateFiles("*", enumeration))
        {
            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if ((include.Count == 0 || include.Any(g => g.IsMatch(relative))) && !exclude.Any(g => g.IsMatch(relative)))
            {
                found.Add((relative, file));
            }
        }

        // Ordinal order of the relative paths: the same keys in the same order on every machine.
        foreach (var (relative, file) in found.OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            var item = new TaskItem(file.FullName);
            item.SetMetadata("RelativePath", relative);
            Add(file, KeyPrefix + relative, item);
        }
    }

    private void Add(FileInfo file, string key, ITaskItem item)
    {
        if (key.Length == 0 || key.EndsWith('/'))
        {
            Error(CosErrorCodes.InvalidParameter, $"'{file.FullName}' would get the key '{key}', which is not an object key (empty, or ending with '/'). Set the item's Key metadata.");
            return;
        }

        if (_byKey.TryGetValue(key, out var existing))
        {
            if (string.Equals(existing.FilePath, file.FullName, StringComparison.Ordinal))
            {
                Warn(CosErrorCodes.DuplicateFile, $"'{file.FullName}' is listed more than once for the key '{key}'; it is uploaded once.");
            }
            else
            {
                Error(CosErrorCodes.DuplicateKey, $"Two files would be uploaded to the key '{key}': '{existing.FilePath}' and '{file.FullName}'. Give one of them another Key.");
            }

            return;
        }

        if (OptionsFor(file, item, out var problem) is not { } options)
        {
            Error(CosErrorCodes.InvalidParameter, problem!);
            return;
        }

        var upload = new PlannedUpload(file.FullName, key, file.Length, options, item);
        _byKey.Add(key, upload);
        _uploads.Add(upload);
    }

    /// <summary>Item metadata first, then the task's defaults, then (for the content type) the file's extension.</summary>
    private CosUploadOptions? OptionsFor(FileInfo file, ITaskItem item, out string? problem)
    {
        problem = null;
        var acl = Defaults.Acl;
        if (Value(item, "Acl") is { } itemAcl)
        {
            acl = ObjectSettings.ParseAcl(itemAcl, $"The Acl metadata of '{file.FullName}'", out problem);
        }

        IReadOnlyDictionary<string, string>? tags = Defaults.Tags;
        if (problem is null && Value(item, "Tags") is { } itemTags)
        {
            tags = ObjectSettings.ParseTags(itemTags.Split(';'), Defaults.Tags, $"The Tags metadata of '{file.FullName}'", out problem);
        }

        if (problem is not null)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(Defaults.Metadata, StringComparer.OrdinalIgnoreCase);
        foreach (var name in item.MetadataNames.Cast<string>())
        {
            if (name.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > UserMetadataPrefix.Length)
            {
                metadata[name[UserMetadataPrefix.Length..].ToLowerInvariant()] = item.GetMetadata(name);
            }
        }

        var storageClass = Value(item, "StorageClass") ?? Defaults.StorageClass;
        return new CosUploadOptions
        {
            ContentType = Value(item, "ContentType") ?? Defaults.ContentType ?? ContentTypes.ForPath(file.Name),
            CacheControl = Value(item, "CacheControl") ?? Defaults.CacheControl,
            ContentDisposition = Value(item, "ContentDisposition") ?? Defaults.ContentDisposition,
            StorageClass = storageClass is null ? default(StorageClass?) : new StorageClass(storageClass.ToUpperInvariant()),
            Metadata = metadata.Count == 0 ? null : metadata,
            Acl = acl,
            Tags = tags is { Count: > 0 } ? tags : null,
            ServerSideEncryption = Defaults.ServerSideEncryption,
            TrafficLimit = Defaults.TrafficLimit,

            // A build upload either lands whole or leaves nothing: no parts kept for a resume, no checkpoint files.
            OnFailure = CosUploadFailureAction.Abort,
            Resume = false,
        };
    }

    private static string? Value(ITaskItem item, string name) => item.GetMetadata(name) is { Length: > 0 } value ? value : null;

    private static string NormalizePrefix(string prefix)
    {
        var trimmed = prefix.Replace('\\', '/').TrimStart('/');
        return trimmed.Length == 0 || trimmed.EndsWith('/') ? trimmed : trimmed + "/";
    }

    private void Warn(string code, string message) => _diagnostics.Add(new PlanDiagnostic(code, message, IsError: false));

    private void Error(string code, string message) => _diagnostics.Add(new PlanDiagnostic(code, message, IsError: true));
}
