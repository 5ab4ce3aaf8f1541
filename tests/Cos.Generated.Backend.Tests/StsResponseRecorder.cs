using System.Text.Json;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// Sits between an STS client and the wire and keeps the <c>Response.RequestId</c> of the last answer, read from
/// the raw JSON here, so a test knows the request id without trusting the client's own parsing of it.
/// </summary>
public sealed class StsResponseRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public string? LastRequestId { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken); // the client reads the same bytes after this
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        LastRequestId = json.RootElement.GetProperty("Response").GetProperty("RequestId").GetString();
        return response;
    }
}
