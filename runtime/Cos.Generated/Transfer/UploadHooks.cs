namespace Cos.Generated.Transfer;

/// <summary>How the upload queue follows one upload: when it starts sending, and what to do with its multipart upload if it stops.</summary>
internal sealed class UploadHooks
{
    /// <summary>Called once the checking phase (resume lookup, InitiateMultipartUpload) is over and data starts to go out.</summary>
    public Action? Uploading { get; init; }

    /// <summary>Decides keep or abort when the upload fails or is canceled (a pause keeps it whatever the options say); null uses the options.</summary>
    public Func<CosUploadFailureAction>? FailureAction { get; init; }
}
