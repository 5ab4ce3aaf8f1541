using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cos.Emulator;

/// <summary>
/// What Kestrel runs for each request: a <see cref="DefaultHttpContext"/> over the connection's features, handed to
/// the emulator's one <see cref="RequestDelegate"/>. It is the part of ASP.NET Core's HostingApplication the emulator
/// needs, without the generic host (whose configuration, logging, DI and routing cost the NativeAOT <c>cos</c> binary
/// megabytes): like it, one context per connection is kept (<see cref="IHostContextContainer{TContext}"/>) and
/// re-initialized for each request on that connection.
/// </summary>
internal sealed class EmulatorHttpApplication(RequestDelegate handler) : IHttpApplication<EmulatorHttpApplication.Context>
{
    /// <summary>Form limits as ASP.NET Core's defaults have them (the host's <c>IOptions&lt;FormOptions&gt;</c>).</summary>
    private static readonly FormOptions Forms = new();

    public Context CreateContext(IFeatureCollection contextFeatures)
    {
        Context context;
        if (contextFeatures is IHostContextContainer<Context> container)
        {
            context = container.HostContext ??= new Context();
        }
        else
        {
            context = new Context();
        }

        if (context.Http is { } http)
        {
            http.Initialize(contextFeatures);
        }
        else
        {
            context.Http = new DefaultHttpContext(contextFeatures);
        }

        context.Http.FormOptions = Forms;
        return context;
    }

    public Task ProcessRequestAsync(Context context) => handler(context.Http!);

    /// <summary>
    /// Detaches the context from the request's features (so nothing keeps the request alive through it); the
    /// context itself stays with the connection for its next request.
    /// </summary>
    public void DisposeContext(Context context, Exception? exception) => context.Http?.Uninitialize();

    /// <summary>The per-connection state Kestrel keeps for this application.</summary>
    internal sealed class Context
    {
        public DefaultHttpContext? Http { get; set; }
    }
}
