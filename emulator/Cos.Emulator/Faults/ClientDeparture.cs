using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cos.Emulator.Faults;

/// <summary>The wait of a fault that holds a request: it ends only when the client goes away or the emulator stops.</summary>
internal static class ClientDeparture
{
    /// <summary>
    /// Waits until the client drops the connection, then throws <see cref="OperationCanceledException"/> (which
    /// the handler answers by closing the connection). Stopping the emulator ends the wait too, so a held request
    /// never makes <see cref="CosEmulator.DisposeAsync"/> wait out its shutdown timeout.
    /// </summary>
    public static async Task WaitAsync(HttpContext http)
    {
        var stopping = http.RequestServices?.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        await Task.Delay(Timeout.Infinite, either.Token);
    }
}
