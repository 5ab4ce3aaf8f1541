namespace Cos.Generated.MSBuild;

/// <summary>The files grouped by outcome, in plan order, and the one high-importance summary line.</summary>
internal sealed class UploadSummary
{
    private UploadSummary(IReadOnlyList<(PlannedUpload, FileOutcome)> uploaded, IReadOnlyList<(PlannedUpload, FileOutcome)> skipped, int failed, int unfinished)
    {
        Uploaded = uploaded;
        Skipped = skipped;
        Failed = failed;
        Unfinished = unfinished;
    }

    /// <summary>Uploaded files.</summary>
    public IReadOnlyList<(PlannedUpload Upload, FileOutcome Outcome)> Uploaded { get; }

    /// <summary>Unchanged files, and in a dry run the files that would have been uploaded.</summary>
    public IReadOnlyList<(PlannedUpload Upload, FileOutcome Outcome)> Skipped { get; }

    public int Failed { get; }

    /// <summary>Files a cancel kept from finishing.</summary>
    public int Unfinished { get; }

    public static UploadSummary From(IReadOnlyList<PlannedUpload> uploads, IReadOnlyList<FileOutcome?> outcomes)
    {
        var uploaded = new List<(PlannedUpload, FileOutcome)>();
        var skipped = new List<(PlannedUpload, FileOutcome)>();
        var failed = 0;
        var unfinished = 0;
        for (var i = 0; i < uploads.Count; i++)
        {
            switch (outcomes[i])
            {
                case null:
                    unfinished++;
                    break;
                case { Kind: FileOutcomeKind.Uploaded } outcome:
                    uploaded.Add((uploads[i], outcome));
                    break;
                case { Kind: FileOutcomeKind.Failed }:
                    failed++;
                    break;
                case { } outcome:
                    skipped.Add((uploads[i], outcome));
                    break;
            }
        }

        return new UploadSummary(uploaded, skipped, failed, unfinished);
    }

    /// <summary>
    /// <c>CosUpload: uploaded 3 files (1.50 MiB), skipped 2 unchanged to cos://bucket in 1.20 s (1.25 MiB/s)</c>;
    /// in a dry run what would have happened.
    /// </summary>
    public string Describe(string bucket, bool dryRun, TimeSpan elapsed)
    {
        var unchanged = Skipped.Count(s => s.Outcome.Kind == FileOutcomeKind.Unchanged);
        if (dryRun)
        {
            var wouldUpload = Skipped.Where(s => s.Outcome.Kind == FileOutcomeKind.WouldUpload).ToList();
            var wouldBytes = wouldUpload.Sum(s => s.Upload.Size);
            return $"CosUpload (dry run): would upload {Files(wouldUpload.Count)} ({ByteFormat.Size(wouldBytes)}) and skip {unchanged} unchanged to cos://{bucket}; nothing was uploaded ({ByteFormat.Seconds(elapsed)}).";
        }

        var bytes = Uploaded.Sum(u => u.Outcome.Result!.Size);
        var text = $"CosUpload: uploaded {Files(Uploaded.Count)} ({ByteFormat.Size(bytes)}), skipped {unchanged} unchanged";
        if (Failed > 0)
        {
            text += $", {Failed} failed";
        }

        if (Unfinished > 0)
        {
            text += $", {Unfinished} canceled";
        }

        return text + $" to cos://{bucket} in {ByteFormat.Seconds(elapsed)} ({ByteFormat.Rate(bytes, elapsed)}).";
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
