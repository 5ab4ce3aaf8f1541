using Cos.Generated.Transfer;

namespace Cos.Generated;

/// <summary>
/// Settings for one call of an operation (Azure's <c>RequestContext</c>): set them on a request's
/// <see cref="CosRequest.RequestOptions"/>. Each one left null uses the client's <see cref="CosClientOptions"/>.
/// Immutable; one instance may serve many calls.
/// </summary>
public sealed class CosRequestOptions
{
    /// <summary>
    /// The longest wait, per try, for the response headers once the request body has been sent (and, for buffered
    /// responses, for their body); see <see cref="CosClientOptions.Timeout"/>. Positive or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The longest a body may go without moving, see <see cref="CosClientOptions.StallTimeout"/>.</summary>
    public TimeSpan? StallTimeout { get; init; }

    /// <summary>
    /// How many times this call is retried where its operation allows it (0 = one try; ≥ 0); see
    /// <see cref="CosClientOptions.MaxRetries"/>. Transfers pass <see cref="CosClientOptions.ChunkRetryTimes"/> here for parts.
    /// </summary>
    public int? MaxRetries { get; init; }

    /// <summary>
    /// Headers sent (and signed where COS signs them) in addition to the operation's own: headers the spec does not
    /// model (<c>Pic-Operations</c>, callbacks, <c>x-cos-traffic-limit</c> on any request). <c>Host</c> cannot be set.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>
    /// Progress of the request body: bytes the connection took in the current try, reported at most once per
    /// <see cref="CosClientOptions.ProgressInterval"/> and once when the try ends. A retry starts again from 0.
    /// </summary>
    public IProgress<CosTransferProgress>? UploadProgress { get; init; }

    /// <summary>
    /// Where the transfer engine counts the request body's bytes instead of <see cref="UploadProgress"/>: one counter
    /// shared by the parts of a transfer; a failed try takes back what it counted.
    /// </summary>
    internal ProgressThrottle? BodyCounter { get; init; }

    /// <summary>The retries left to the whole transfer this call belongs to; null for a call of its own.</summary>
    internal Pipeline.RetryBudget? RetryBudget { get; init; }

    /// <summary>Checks the values that have a range.</summary>
    internal void Validate()
    {
        CosClientOptions.CheckTimeout(Timeout, nameof(Timeout));
        CosClientOptions.CheckTimeout(StallTimeout, nameof(StallTimeout));
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
        }
    }
}
