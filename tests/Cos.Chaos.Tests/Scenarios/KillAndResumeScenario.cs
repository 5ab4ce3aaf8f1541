using Cos.Chaos.Tests.Plans;
using Cos.Chaos.Tests.Running;
using Cos.Emulator.Faults;
using Cos.Generated.Tests.Transfer;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>
/// kill -9 and resume, as tests/Cos.Generated.Tests' UploadKillResumeTests: a child process (Cos.Transfer.KillTarget,
/// 1 MiB parts, two in flight) uploads the file and is killed with SIGKILL at the drawn point — with that many parts
/// on the server and the next ones held unanswered, or while its CompleteMultipartUpload is held. Then
/// <c>UploadFileAsync</c> here, with the same checkpoint directory, must resume that upload (no new one, no part sent
/// twice) and produce the exact bytes, leaving no upload and no checkpoint behind.
/// </summary>
internal sealed class KillAndResumeScenario : IChaosScenario
{
    private const long MiB = ClientSettings.MiB;

    private string _file = string.Empty;
    private string _checkpoints = string.Empty;
    private string? _killedUploadId;
    private int _partsOnServerAtKill;
    private int _parts;

    public async Task PrepareAsync(ChaosContext context)
    {
        _file = Path.Combine(context.Directory, "source.bin");
        _checkpoints = Path.Combine(context.Directory, "checkpoints");
        _parts = (int)((context.Data.Length + MiB - 1) / MiB);
        await File.WriteAllBytesAsync(_file, context.Data);
    }

    public async Task ActAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        var kill = context.Plan.Faults.Single(f => f.Kind == FaultKind.Kill);
        var duringComplete = kill.Bytes < 0;
        _partsOnServerAtKill = duringComplete ? _parts : (int)kill.Bytes;

        // Held requests are never answered nor stored, so the kill lands exactly at the drawn point however fast the machine is.
        var held = duringComplete
            ? [new FaultRule { Operation = "CompleteMultipartUpload", Latency = TimeSpan.FromHours(1) }]
            : Enumerable.Range(_partsOnServerAtKill + 1, _parts - _partsOnServerAtKill).Select(p => new FaultRule { Operation = "UploadPart", PartNumber = p, Latency = TimeSpan.FromHours(1) }).ToList();
        foreach (var rule in held)
        {
            context.Emulator.Faults.Add(rule);
        }

        using (var child = KillTargetProcess.Start(context.Emulator, ChaosContext.Bucket, context.Plan.Key, _file, _checkpoints))
        {
            await WaitUntilAsync(child, () => AtKillPoint(context, duringComplete), cancellationToken);
            await child.KillAsync();
            context.ScenarioFaultsFired++;
        }

        foreach (var rule in held)
        {
            context.Emulator.Faults.Remove(rule);
        }

        _killedUploadId = context.Emulator.Store.ListUploads(ChaosContext.Bucket).Single(u => u.Key == context.Plan.Key).UploadId;
        context.Emulator.RequestLog.Clear();
        await context.Client.UploadFileAsync(
            ChaosContext.Bucket,
            context.Plan.Key,
            _file,
            new CosUploadOptions { OnFailure = CosUploadFailureAction.Abort, CheckpointDirectory = _checkpoints },
            cancellationToken: cancellationToken);
    }

    public async Task CheckAsync(ChaosContext context, bool succeeded)
    {
        await Invariants.ObjectIsIntactAsync(context, context.Plan.Key, context.Data, mustExist: succeeded);
        Invariants.NoUploadsLeft(context, context.Plan.Key);
        Invariants.NoFilesLeft(context, _checkpoints, "an upload checkpoint");
        if (!succeeded || _killedUploadId is null)
        {
            return;
        }

        var resumed = context.Emulator.Requests;
        if (resumed.Any(r => r.Operation == "InitiateMultipartUpload"))
        {
            context.Violation(ViolationKind.NotResumed, $"the upload killed with {_partsOnServerAtKill} part(s) on the server was started again instead of resumed ({_killedUploadId})");
        }

        var resent = resumed.Where(r => r.Operation == "UploadPart" && r.UploadId == _killedUploadId && r.PartNumber <= _partsOnServerAtKill).Select(r => r.PartNumber).Distinct().ToList();
        if (resent.Count > 0)
        {
            context.Violation(ViolationKind.NotResumed, $"part(s) {string.Join(", ", resent)} were on the server before the kill but were sent again");
        }
    }

    /// <summary>The child is where it must be killed: its held requests have arrived and exactly the drawn parts are stored.</summary>
    private bool AtKillPoint(ChaosContext context, bool duringComplete)
    {
        var requests = context.Emulator.Requests;
        if (duringComplete)
        {
            return requests.Any(r => r.Operation == "CompleteMultipartUpload");
        }

        var upload = context.Emulator.Store.ListUploads(ChaosContext.Bucket).SingleOrDefault(u => u.Key == context.Plan.Key);
        return upload is not null
            && upload.Parts.Count == _partsOnServerAtKill
            && requests.Any(r => r.Operation == "UploadPart" && r.PartNumber == _partsOnServerAtKill + 1);
    }

    private static async Task WaitUntilAsync(KillTargetProcess child, Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The upload process exited before it could be killed; its output:\n{string.Join('\n', child.Output)}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
