using Cos.Generated;
using Cos.Generated.Credentials;

namespace Cos.Chaos.Tests.Running;

/// <summary>Which exceptions are a clear, expected way for a call to fail under faults, and how to name them in the figures.</summary>
internal static class FailureClassifier
{
    /// <summary>
    /// COS errors (with their integrity, object-changed and format subtypes), timeouts (with stall timeouts), broken
    /// connections (HttpRequestException, IOException) and credential failures are clear. A cancellation is clear only
    /// when the harness canceled the call; anything else (InvalidOperationException, a cancellation nobody asked
    /// for, an AggregateException, …) is not.
    /// </summary>
    public static bool IsClear(Exception failure, bool harnessCanceled) => failure switch
    {
        OperationCanceledException => harnessCanceled,
        CosException or TimeoutException or HttpRequestException or IOException or CosCredentialsException => true,
        _ => false,
    };

    /// <summary>The exception's type, with the status and code of COS errors (<c>CosException 503 SlowDown</c>).</summary>
    public static string Name(Exception failure) => failure switch
    {
        CosException cos => $"{failure.GetType().Name} {cos.StatusCode} {cos.ErrorCode}",
        _ => failure.GetType().Name,
    };
}
