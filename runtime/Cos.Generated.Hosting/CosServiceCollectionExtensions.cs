using Cos.Generated;
using Cos.Generated.Hosting;
using Cos.Generated.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers COS clients: <c>services.AddCosClient(configuration.GetSection("Cos"))</c>. The default client is the
/// singleton <see cref="CosClient"/> and <see cref="ICosClient"/> (one instance, disposed by the container); a named
/// client is the keyed singleton of its name (<c>[FromKeyedServices("archive")] ICosClient</c>). Settings are checked on
/// start (<c>ValidateOnStart</c>). Requests go through the named <see cref="HttpClient"/> the returned
/// <see cref="IHttpClientBuilder"/> configures, over the SDK's own connection handler, so delegating handlers can be
/// added with <c>AddHttpMessageHandler</c>; the SDK keeps retrying, re-signing and deciding what is idempotent itself.
/// </summary>
public static class CosServiceCollectionExtensions
{
    /// <summary>
    /// Adds the default COS client, its settings bound from <paramref name="configuration"/> (keys are the
    /// <see cref="CosClientOptions"/> property names: <c>SecretId</c>, <c>SecretKey</c>, <c>Region</c>, <c>Protocol</c>,
    /// <c>ConnectTo</c>, …) by the configuration-binding source generator.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/> (<see cref="CosHostingNames.HttpClientName"/>).</returns>
    public static IHttpClientBuilder AddCosClient(this IServiceCollection services, IConfiguration configuration) =>
        AddCosClient(services, Microsoft.Extensions.Options.Options.DefaultName, configuration);

    /// <summary>Adds the default COS client with settings set by <paramref name="configure"/>.</summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/> (<see cref="CosHostingNames.HttpClientName"/>).</returns>
    public static IHttpClientBuilder AddCosClient(this IServiceCollection services, Action<CosClientSettings> configure) =>
        AddCosClient(services, Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the COS client named <paramref name="name"/> (another account or region), its settings bound from
    /// <paramref name="configuration"/>; it is the keyed service <see cref="ICosClient"/>/<see cref="CosClient"/> of key
    /// <paramref name="name"/>. An empty name adds the default client.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/> (<see cref="CosHostingNames.HttpClientName"/>).</returns>
    public static IHttpClientBuilder AddCosClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CosClientSettings>(name).Bind(configuration);
        return AddCore(services, name, (configuration as IConfigurationSection)?.Path);
    }

    /// <summary>
    /// Adds the COS client named <paramref name="name"/> with settings set by <paramref name="configure"/>; it is the
    /// keyed service <see cref="ICosClient"/>/<see cref="CosClient"/> of key <paramref name="name"/>. An empty name adds
    /// the default client.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/> (<see cref="CosHostingNames.HttpClientName"/>).</returns>
    public static IHttpClientBuilder AddCosClient(this IServiceCollection services, string name, Action<CosClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CosClientSettings>(name).Configure(configure);
        return AddCore(services, name, configurationPath: null);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, string? configurationPath)
    {
        services.AddOptions<CosClientSettings>(name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CosClientSettings>>(provider => new CosClientSettingsValidator(provider, name, configurationPath));

        var httpClientName = CosHostingNames.HttpClientName(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, RetryHandlerFilter>(
            static provider => new RetryHandlerFilter(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        if (name.Length == 0)
        {
            services.RemoveAll<CosClient>();
            services.RemoveAll<ICosClient>();
            services.AddSingleton(provider => Create(provider, name, httpClientName));
            services.AddSingleton<ICosClient>(static provider => provider.GetRequiredService<CosClient>());
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => Create(provider, name, httpClientName));
            services.AddKeyedSingleton<ICosClient>(name, static (provider, key) => provider.GetRequiredKeyedService<CosClient>(key));
        }

        return services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => CosHttpHandler.CreatePrimaryHandler(Options(provider, name)))
            // The client times each try itself (CosClientOptions.Timeout, StallTimeout).
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The singleton client keeps its HttpClient for its lifetime; the handler renews connections every 5 minutes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Changes the options of the COS client named <paramref name="name"/> (empty: the default client) after its
    /// settings are read, typically to set what configuration cannot hold — a credential provider from the container,
    /// an authorization provider, a <see cref="TimeProvider"/>:
    /// <c>services.ConfigureCosClientOptions("", (provider, options) =&gt; options with { CredentialProvider = provider.GetRequiredService&lt;MyKeys&gt;() })</c>.
    /// Functions run in the order they were added; the result is validated on start like the settings.
    /// </summary>
    public static IServiceCollection ConfigureCosClientOptions(this IServiceCollection services, string name, Func<IServiceProvider, CosClientOptions, CosClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CosClientOptionsConfigurators>(name).Configure(configurators => configurators.Functions.Add(configure));
        return services;
    }

    /// <summary>Changes the options of the default COS client after its settings are read (see the named overload).</summary>
    public static IServiceCollection ConfigureCosClientOptions(this IServiceCollection services, Func<IServiceProvider, CosClientOptions, CosClientOptions> configure) =>
        ConfigureCosClientOptions(services, Microsoft.Extensions.Options.Options.DefaultName, configure);

    private static CosClientOptions Options(IServiceProvider provider, string name) =>
        CosClientOptionsConfigurators.Build(provider, name, provider.GetRequiredService<IOptionsMonitor<CosClientSettings>>().Get(name));

    private static CosClient Create(IServiceProvider provider, string name, string httpClientName)
    {
        var options = Options(provider, name);
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);

        // ConnectTo is honoured by the primary handler (CosHttpHandler); the client itself refuses it beside an
        // injected HttpClient, which it could not apply to. AutoSwitchHost stays off with ConnectTo, as in a client
        // given ConnectTo directly: the pinned address serves every host name, so a backup host would not help.
        return new CosClient(options with { ConnectTo = null, AutoSwitchHost = options.AutoSwitchHost && options.ConnectTo is null }, httpClient);
    }
}
