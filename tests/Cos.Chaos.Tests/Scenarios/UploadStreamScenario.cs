using Cos.Chaos.Tests.Running;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary><c>UploadAsync</c> of a seekable or a non-seekable stream with <c>OnFailure = Abort</c>: the object is whole or absent, no upload is left.</summary>
internal sealed class UploadStreamScenario : IChaosScenario
{
    public Task PrepareAsync(ChaosContext context) => Task.CompletedTask;

    public async Task ActAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        Stream content = new MemoryStream(context.Data, writable: false);
        if (context.Plan.NonSeekableStream)
        {
            content = new ForwardOnlyStream(content);
        }

        await using (content)
        {
            await context.Client.UploadAsync(
                ChaosContext.Bucket,
                context.Plan.Key,
                content,
                new CosUploadOptions { OnFailure = CosUploadFailureAction.Abort },
                cancellationToken: cancellationToken);
        }
    }

    public async Task CheckAsync(ChaosContext context, bool succeeded)
    {
        await Invariants.ObjectIsIntactAsync(context, context.Plan.Key, context.Data, mustExist: succeeded);
        Invariants.NoUploadsLeft(context, context.Plan.Key);
    }
}
