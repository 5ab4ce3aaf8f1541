namespace Cos.Generated.Pipeline.Policies;

/// <summary>Per try: makes a fresh <see cref="HttpRequestMessage"/> and signs it (a retry is signed anew, with the clock as it is then).</summary>
internal sealed class SigningPolicy(CosRequestSigner signer) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        using var request = await signer.CreateAsync(message.Request, message.Endpoint, message.Attempt, keys => message.SignedWith = keys, message.CancellationToken).ConfigureAwait(false);
        message.HttpRequest = request;
        await ProcessNextAsync(message, next).ConfigureAwait(false);
    }
}
