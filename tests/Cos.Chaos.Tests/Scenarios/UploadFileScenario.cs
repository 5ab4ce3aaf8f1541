using Cos.Chaos.Tests.Running;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary><c>UploadFileAsync</c> with <c>OnFailure = Abort</c>: the object is whole or absent, no upload and no checkpoint is left.</summary>
internal sealed class UploadFileScenario : IChaosScenario
{
    private string _file = string.Empty;
    private string _checkpoints = string.Empty;

    public async Task PrepareAsync(ChaosContext context)
    {
        _file = Path.Combine(context.Directory, "source.bin");
        _checkpoints = Path.Combine(context.Directory, "checkpoints");
        await File.WriteAllBytesAsync(_file, context.Data);
    }

    public Task ActAsync(ChaosContext context, CancellationToken cancellationToken) =>
        context.Client.UploadFileAsync(
            ChaosContext.Bucket,
            context.Plan.Key,
            _file,
            new CosUploadOptions { OnFailure = CosUploadFailureAction.Abort, CheckpointDirectory = _checkpoints },
            cancellationToken: cancellationToken);

    public async Task CheckAsync(ChaosContext context, bool succeeded)
    {
        await Invariants.ObjectIsIntactAsync(context, context.Plan.Key, context.Data, mustExist: succeeded);
        Invariants.NoUploadsLeft(context, context.Plan.Key);
        Invariants.NoFilesLeft(context, _checkpoints, "an upload checkpoint");
    }
}
