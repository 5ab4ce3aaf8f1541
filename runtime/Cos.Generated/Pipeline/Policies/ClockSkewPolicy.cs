using Microsoft.Extensions.Logging;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// On a 403 that says the signature's time is off, adopts the server's clock from its <c>Date</c> and tries once more,
/// re-signed (<see cref="CosClientOptions.CorrectClockSkew"/>); not counted as a retry. Once per call.
/// </summary>
internal sealed class ClockSkewPolicy(ClockSkew clock, ILogger logger) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (CosException error) when (!message.SkewCorrected
            && ClockSkew.IsSkewError(error)
            && message.Response.ServerDate is { } serverDate
            && message.Request.Body is not { CanReplay: false }
            && !message.CancellationToken.IsCancellationRequested)
        {
            clock.Adjust(serverDate);
            CosLog.ClockSkewCorrected(logger, message.Request.OperationName, clock.Offset.TotalSeconds);
            message.SkewCorrected = true;
            message.Attempt++;
            message.StartTry();
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
    }
}
