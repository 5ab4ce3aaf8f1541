using Cos.Chaos.Tests.Running;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary><c>CopyAsync</c> (a failed multipart copy is aborted by default): the destination is whole or absent, the source untouched, no upload left.</summary>
internal sealed class CopyScenario : IChaosScenario
{
    private static string SourceKey(ChaosContext context) => context.Plan.Key + ".source";

    public Task PrepareAsync(ChaosContext context) => SourceObject.PutAsync(context, SourceKey(context));

    public Task ActAsync(ChaosContext context, CancellationToken cancellationToken) =>
        context.Client.CopyAsync(
            new CosCopySource(ChaosContext.Bucket, SourceKey(context)),
            ChaosContext.Bucket,
            context.Plan.Key,
            new CosCopyOptions { SliceSize = context.Plan.CopySliceSize, PartSize = context.Plan.Client.PartSize, ParallelLimit = context.Plan.Client.Parallel },
            cancellationToken: cancellationToken);

    public async Task CheckAsync(ChaosContext context, bool succeeded)
    {
        await Invariants.ObjectIsIntactAsync(context, context.Plan.Key, context.Data, mustExist: succeeded);
        await Invariants.ObjectIsIntactAsync(context, SourceKey(context), context.Data, mustExist: true);
        Invariants.NoUploadsLeft(context, context.Plan.Key);
    }
}
