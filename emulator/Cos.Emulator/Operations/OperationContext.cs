using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Operations;

/// <summary>One request being answered: the HTTP exchange, where it goes and the store.</summary>
internal sealed class OperationContext
{
    public required HttpContext Http { get; init; }

    public required CosRoute Route { get; init; }

    public required string Operation { get; init; }

    public required IObjectStore Store { get; init; }

    public required CosEmulatorOptions Options { get; init; }

    /// <summary>The server clock, which fault rules may have jumped; null uses <see cref="CosEmulatorOptions.TimeProvider"/>.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>What a limited temporary key may do, for checks only the handler can make (each key of a batch delete); null when not limited.</summary>
    internal Policy.CamGrant? Grant { get; init; }

    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    public string Bucket => Route.Bucket!;

    public string Key => Route.Key;

    /// <summary>The server clock, truncated to whole seconds (HTTP dates have no fractions).</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = (Clock ?? Options.TimeProvider).GetUtcNow();
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }

    /// <summary>The <c>versionId</c> query parameter: the version of the object a request is about; null for the current one.</summary>
    public string? VersionId => Request.Query.TryGetValue("versionId", out var value) && value.Count > 0 ? value.ToString() : null;

    public string? Header(string name) => Request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
}
