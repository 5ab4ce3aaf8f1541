using Cos.Chaos.Tests.Running;
using Cos.Generated;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>
/// <c>DownloadFileAsync</c>: the destination is afterwards either complete and correct, or exactly as before (absent,
/// or the file it held) — never half-written. A non-resumable download leaves no partial file; a resumable one may
/// leave its partial file and checkpoint, and then a download without faults must finish the job correctly.
/// </summary>
internal sealed class DownloadFileScenario : IChaosScenario
{
    private string _destination = string.Empty;
    private byte[]? _before;

    private string Partial => _destination + CosClient.DownloadPartialSuffix;

    public async Task PrepareAsync(ChaosContext context)
    {
        await SourceObject.PutAsync(context, context.Plan.Key);
        _destination = Path.Combine(context.Directory, "download", "object.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(_destination)!);
        if (context.Plan.DestinationExists)
        {
            _before = new byte[1000 + (context.Plan.Seed % 1000)];
            new Random(context.Plan.Seed).NextBytes(_before);
            await File.WriteAllBytesAsync(_destination, _before);
        }
    }

    public Task ActAsync(ChaosContext context, CancellationToken cancellationToken) =>
        context.Client.DownloadFileAsync(ChaosContext.Bucket, context.Plan.Key, _destination, Options(context), cancellationToken: cancellationToken);

    public async Task CheckAsync(ChaosContext context, bool succeeded)
    {
        var now = File.Exists(_destination) ? await File.ReadAllBytesAsync(_destination) : null;
        if (succeeded)
        {
            if (now is null)
            {
                context.Violation(ViolationKind.Corruption, "the download succeeded but the destination does not exist");
                context.BytesCorrupted += context.Data.Length;
            }
            else
            {
                Invariants.SameBytes(context, "the downloaded file", now, context.Data);
            }

            NoPartialFiles(context, "after a successful download");
            return;
        }

        var untouched = now is null ? _before is null : _before is not null && now.AsSpan().SequenceEqual(_before);
        var complete = now is not null && now.AsSpan().SequenceEqual(context.Data);
        if (!untouched && !complete)
        {
            context.Violation(ViolationKind.PartialFile, $"the failed download left a half-written destination ({now?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} bytes, was {(_before is null ? "absent" : $"{_before.Length} other bytes")})");
        }

        if (!context.Plan.Resumable)
        {
            NoPartialFiles(context, "after a failed download that was not resumable");
            return;
        }

        // What a resumable download kept must lead to the right file, not to a corrupt one.
        try
        {
            await context.Setup.DownloadFileAsync(ChaosContext.Bucket, context.Plan.Key, _destination, Options(context));
            Invariants.SameBytes(context, "the file downloaded again after the failure", await File.ReadAllBytesAsync(_destination), context.Data);
            NoPartialFiles(context, "after the download was finished");
        }
        catch (Exception ex)
        {
            context.Violation(ViolationKind.NotResumed, $"downloading again without faults after the failure failed: {FailureClassifier.Name(ex)}: {ex.Message}");
        }
    }

    private static CosDownloadOptions Options(ChaosContext context) => new()
    {
        PartSize = context.Plan.DownloadPartSize,
        ParallelLimit = context.Plan.Client.Parallel,
        Resumable = context.Plan.Resumable,
    };

    private void NoPartialFiles(ChaosContext context, string when)
    {
        foreach (var leftover in new[] { Partial, Partial + ".json" })
        {
            if (File.Exists(leftover))
            {
                context.Violation(ViolationKind.PartialFile, $"{Path.GetFileName(leftover)} left behind {when}");
            }
        }
    }
}
