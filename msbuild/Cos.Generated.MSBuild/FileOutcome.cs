using Cos.Generated.Transfer;

namespace Cos.Generated.MSBuild;

/// <summary>What happened to one planned file.</summary>
internal enum FileOutcomeKind
{
    /// <summary>Uploaded; <see cref="FileOutcome.Result"/> is set.</summary>
    Uploaded,

    /// <summary>Not uploaded: the object already has the file's content.</summary>
    Unchanged,

    /// <summary>A dry run: it would have been uploaded.</summary>
    WouldUpload,

    /// <summary>The upload failed; an error was logged.</summary>
    Failed,
}

/// <summary>The outcome of one file, with the upload's result or what the check found.</summary>
internal sealed record FileOutcome(FileOutcomeKind Kind, CosUploadResult? Result = null, RemoteComparison? Remote = null);
