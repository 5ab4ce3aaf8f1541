using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Faults;

/// <summary>The wait of a fault that holds a request: it ends only when the client goes away or the emulator stops.</summary>
internal static class ClientDeparture
{
    /// <summary>How often a held connection's socket is checked for a reset the server would not otherwise see.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits until the client drops the connection, then throws <see cref="OperationCanceledException"/> (which
    /// the handler answers by closing the connection). Stopping the emulator (<paramref name="stopping"/>) ends the
    /// wait too, so a held request never makes <see cref="CosEmulator.DisposeAsync"/> wait out its shutdown timeout.
    /// </summary>
    /// <remarks>
    /// Kestrel notices a departure only while it reads the socket. A stalled upload is exactly a request whose
    /// body the server stopped reading: its buffers are full, Kestrel has stopped reading, and
    /// <see cref="HttpContext.RequestAborted"/> would never fire. So the socket itself is polled for the reset the
    /// client's close sends.
    /// </remarks>
    public static async Task WaitAsync(HttpContext http, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket;
        while (true)
        {
            await Task.Delay(socket is null ? Timeout.InfiniteTimeSpan : PollInterval, either.Token);
            if (socket is not null && HasFailed(socket))
            {
                http.Abort();
                throw new OperationCanceledException("The client of a held request went away.");
            }
        }
    }

    private static bool HasFailed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectError)
                || socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error && error != 0;
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            return true;
        }
    }
}
