namespace Cos.Generated.Transfer;

/// <summary>What became of one file of a batch upload: its result, or the error that stopped it.</summary>
public sealed class CosFileUploadOutcome
{
    internal CosFileUploadOutcome(CosFileUpload upload, CosUploadResult? result, Exception? error)
    {
        Upload = upload;
        Result = result;
        Error = error;
    }

    /// <summary>The file as it was asked for.</summary>
    public CosFileUpload Upload { get; }

    /// <summary>The upload's result; null when it failed.</summary>
    public CosUploadResult? Result { get; }

    /// <summary>Why the file was not uploaded (a <see cref="CosException"/>, <see cref="CosIntegrityException"/>, <see cref="IOException"/>…); null when it was.</summary>
    public Exception? Error { get; }

    /// <summary>True when the file was uploaded.</summary>
    public bool Succeeded => Error is null;
}
