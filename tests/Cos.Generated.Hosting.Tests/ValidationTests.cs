using Cos.Generated.Credentials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cos.Generated.Hosting.Tests;

/// <summary>Bad settings stop the host on start with a message naming the client, the section and the rule.</summary>
public sealed class ValidationTests
{
    private static async Task<OptionsValidationException> StartFails(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        using var host = builder.Build();
        return await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task A_missing_region_fails_on_start_naming_the_key()
    {
        var configuration = Configuration(("Cos:SecretId", "AKIDexample"), ("Cos:SecretKey", "key"));
        var error = await StartFails(services => services.AddCosClient(configuration.GetSection("Cos")));
        error.Message.ShouldBe("The COS client (configuration section 'Cos'): Region is required: set 'Cos:Region' to the region of the buckets, such as 'ap-guangzhou'.");
    }

    [Fact]
    public async Task A_missing_region_of_a_named_client_names_the_client()
    {
        var error = await StartFails(services => services.AddCosClient("archive", settings => settings.SecretId = null));
        error.Message.ShouldStartWith("The COS client 'archive': Region is required");
    }

    [Fact]
    public async Task A_permanent_key_and_a_credential_provider_both_set_fail_on_start()
    {
        var configuration = Configuration(("Cos:Region", "ap-guangzhou"), ("Cos:SecretId", "AKIDexample"), ("Cos:SecretKey", "key"));
        var error = await StartFails(services =>
        {
            services.AddCosClient(configuration.GetSection("Cos"));
            services.ConfigureCosClientOptions((_, options) => options with { CredentialProvider = new StaticCredentialProvider(new CosCredentials("AKIDother", "other")) });
        });
        error.Message.ShouldStartWith("The COS client (configuration section 'Cos'): Set either CredentialProvider or SecretId/SecretKey/SecurityToken, not both.");
    }

    [Fact]
    public async Task Every_rule_of_CosClientOptions_Validate_applies()
    {
        var configuration = Configuration(("Cos:Region", "ap-guangzhou"), ("Cos:Protocol", "ftp"));
        var error = await StartFails(services => services.AddCosClient(configuration.GetSection("Cos")));
        error.Message.ShouldStartWith("The COS client (configuration section 'Cos'): Protocol 'ftp' is not supported");
    }

    [Fact]
    public async Task A_value_configuration_cannot_convert_fails_with_the_key()
    {
        var configuration = Configuration(("Cos:Region", "ap-guangzhou"), ("Cos:MaxRetries", "many"));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCosClient(configuration.GetSection("Cos"));
        using var host = builder.Build();
        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync());
        error.Message.ShouldContain("Cos:MaxRetries");
    }

    [Fact]
    public async Task Valid_settings_start_and_only_the_bad_client_of_several_fails()
    {
        var good = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        good.Services.AddCosClient(settings => settings.Region = "ap-guangzhou");
        good.Services.AddCosClient("archive", settings => settings.Region = "ap-beijing");
        using (var host = good.Build())
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        var error = await StartFails(services =>
        {
            services.AddCosClient(settings => settings.Region = "ap-guangzhou");
            services.AddCosClient("archive", settings => settings.Region = "Bad Region");
        });
        error.Message.ShouldStartWith("The COS client 'archive': Region 'Bad Region' is not a COS region");
        error.OptionsName.ShouldBe("archive");
    }
}
