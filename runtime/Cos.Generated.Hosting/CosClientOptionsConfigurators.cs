using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cos.Generated.Hosting;

/// <summary>
/// The <c>ConfigureCosClientOptions</c> functions of one client (named options of this type, never bound from
/// configuration), applied in order to the options its <see cref="CosClientSettings"/> make.
/// </summary>
internal sealed class CosClientOptionsConfigurators
{
    public List<Func<IServiceProvider, CosClientOptions, CosClientOptions>> Functions { get; } = [];

    /// <summary>
    /// The options of the client named <paramref name="name"/>: its settings, the container's logger and meter factories
    /// (so the client logs and measures where the host does), then every function.
    /// </summary>
    public static CosClientOptions Build(IServiceProvider provider, string name, CosClientSettings settings)
    {
        var options = settings.ToOptions() with
        {
            LoggerFactory = provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            MeterFactory = provider.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
        };
        foreach (var configure in provider.GetRequiredService<IOptionsMonitor<CosClientOptionsConfigurators>>().Get(name).Functions)
        {
            options = configure(provider, options) ?? throw new InvalidOperationException($"A ConfigureCosClientOptions function of the COS client '{name}' returned null.");
        }

        return options;
    }
}
