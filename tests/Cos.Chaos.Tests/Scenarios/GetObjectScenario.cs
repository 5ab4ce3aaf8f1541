using Cos.Chaos.Tests.Running;
using Cos.Generated;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>One <c>GetObjectAsync</c>, its body read to the end: a body read without an error must be the object.</summary>
internal sealed class GetObjectScenario : IChaosScenario
{
    private byte[]? _received;

    public Task PrepareAsync(ChaosContext context) => SourceObject.PutAsync(context, context.Plan.Key);

    public async Task ActAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        await using var response = await context.Client.GetObjectAsync(new GetObjectRequest { Bucket = ChaosContext.Bucket, Key = context.Plan.Key }, cancellationToken);
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy, cancellationToken);
        _received = copy.ToArray();
    }

    public Task CheckAsync(ChaosContext context, bool succeeded)
    {
        if (succeeded)
        {
            Invariants.SameBytes(context, "the body read", _received!, context.Data);
        }

        return Task.CompletedTask;
    }
}
