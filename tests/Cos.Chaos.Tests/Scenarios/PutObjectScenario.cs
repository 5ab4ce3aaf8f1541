using Cos.Chaos.Tests.Running;
using Cos.Generated;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>One <c>PutObjectAsync</c>: the object is whole or absent.</summary>
internal sealed class PutObjectScenario : IChaosScenario
{
    public Task PrepareAsync(ChaosContext context) => Task.CompletedTask;

    public async Task ActAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(context.Data, writable: false);
        await context.Client.PutObjectAsync(
            new PutObjectRequest { Bucket = ChaosContext.Bucket, Key = context.Plan.Key, Body = body, ContentLength = context.Data.Length },
            cancellationToken);
    }

    public Task CheckAsync(ChaosContext context, bool succeeded) =>
        Invariants.ObjectIsIntactAsync(context, context.Plan.Key, context.Data, mustExist: succeeded);
}
