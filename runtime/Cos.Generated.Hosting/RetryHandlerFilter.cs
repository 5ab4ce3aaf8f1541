using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cos.Generated.Hosting;

/// <summary>
/// Keeps retrying handlers off the <see cref="HttpClient"/> of every COS client, however they were added — most often
/// <c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c> for all of an app's clients. The SDK
/// retries and re-signs each try itself, by each operation's retry safety; a resilience handler under it would resend
/// the same signed request (stale signatures, clock-skew answers retried unchanged), retry non-idempotent operations,
/// and multiply the tries (up to 16 requests for one call). So the handler is removed from COS clients only, with a
/// warning naming it; every other client of the app keeps it.
/// </summary>
/// <remarks>
/// A filter wraps all of the named client's configuration (defaults included), so it sees the finished handler list.
/// Handlers are matched by type name, so this package needs no reference to Microsoft.Extensions.Http.Resilience or Polly.
/// </remarks>
internal sealed partial class RetryHandlerFilter(ILoggerFactory? loggerFactory) : IHttpMessageHandlerBuilderFilter
{
    /// <summary>The full names of the handlers that retry: Microsoft.Extensions.Http.Resilience's and Microsoft.Extensions.Http.Polly's.</summary>
    internal static readonly string[] RetryingHandlers =
    [
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    ];

    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cos.Generated.Hosting");

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (!IsCosClient(builder.Name))
        {
            return;
        }

        for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
        {
            var type = builder.AdditionalHandlers[i].GetType().FullName;
            if (Array.IndexOf(RetryingHandlers, type) >= 0)
            {
                builder.AdditionalHandlers.RemoveAt(i);
                RetryHandlerRemoved(_logger, type!, builder.Name!);
            }
        }
    };

    private static bool IsCosClient(string? name) =>
        name is not null && (name == CosHostingNames.DefaultHttpClientName || name.StartsWith(CosHostingNames.DefaultHttpClientName + ":", StringComparison.Ordinal));

    [LoggerMessage(EventId = 4001, EventName = "RetryHandlerRemoved", Level = LogLevel.Warning,
        Message = "Removed {Handler} from the HttpClient '{HttpClient}': the COS client retries and re-signs each try itself, so a retrying handler under it would resend stale signatures and multiply the tries. Tune MaxRetries, RetryDelay and Timeout of the COS client instead.")]
    private static partial void RetryHandlerRemoved(ILogger logger, string handler, string httpClient);
}
