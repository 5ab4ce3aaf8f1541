using System.Reflection;
using Cos.Generated.Credentials;
using Cos.Generated.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cos.Generated.Hosting.Tests;

/// <summary>Settings from configuration and code, named clients and the container's lifetimes.</summary>
public sealed class ConfigurationTests
{
    /// <summary>Every bindable option, each with a value other than its default.</summary>
    private static readonly Dictionary<string, string?> EveryKey = new()
    {
        ["Cos:SecretId"] = "AKIDexample",
        ["Cos:SecretKey"] = "secret-key",
        ["Cos:SecurityToken"] = "token",
        ["Cos:Region"] = "ap-beijing",
        ["Cos:FileParallelLimit"] = "5",
        ["Cos:ChunkParallelLimit"] = "6",
        ["Cos:ChunkRetryTimes"] = "7",
        ["Cos:ChunkSize"] = "2097152",
        ["Cos:SliceSize"] = "3145728",
        ["Cos:CopyChunkParallelLimit"] = "8",
        ["Cos:CopyChunkSize"] = "4194304",
        ["Cos:CopySliceSize"] = "5242880",
        ["Cos:ProgressInterval"] = "00:00:02",
        ["Cos:Protocol"] = "http",
        ["Cos:Domain"] = "{Region}.static.example.com/{BucketName}",
        ["Cos:ServiceDomain"] = "service.example.com",
        ["Cos:UploadQueueSize"] = "99",
        ["Cos:ForcePathStyle"] = "true",
        ["Cos:UploadCheckContentMd5"] = "true",
        ["Cos:AutoSwitchHost"] = "false",
        ["Cos:UploadAddMetaMd5"] = "true",
        ["Cos:FollowRedirect"] = "true",
        ["Cos:Timeout"] = "00:00:30",
        ["Cos:StallTimeout"] = "00:00:20",
        ["Cos:MinimumThroughput"] = "2048",
        ["Cos:UseAccelerate"] = "true",
        ["Cos:EnableTracker"] = "true",
        ["Cos:SignatureExpires"] = "00:05:00",
        ["Cos:CorrectClockSkew"] = "false",
        ["Cos:MaxRetries"] = "1",
        ["Cos:RetryDelay"] = "00:00:00.250",
        ["Cos:MaxRetryDelay"] = "00:00:03",
        ["Cos:ConnectTo"] = "127.0.0.1:9000",
        ["Cos:UserAgent"] = "my-service/1.0",
    };

    private static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void Every_documented_key_lands_in_the_client_options()
    {
        var services = new ServiceCollection();
        services.AddCosClient(Configuration(EveryKey).GetSection("Cos"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<CosClient>().Options;
        var settings = provider.GetRequiredService<IOptions<CosClientSettings>>().Value;

        options.SecretId.ShouldBe("AKIDexample");
        options.SecretKey.ShouldBe("secret-key");
        options.SecurityToken.ShouldBe("token");
        options.Region.ShouldBe("ap-beijing");
        options.FileParallelLimit.ShouldBe(5);
        options.ChunkParallelLimit.ShouldBe(6);
        options.ChunkRetryTimes.ShouldBe(7);
        options.ChunkSize.ShouldBe(2 * 1024 * 1024);
        options.SliceSize.ShouldBe(3 * 1024 * 1024);
        options.CopyChunkParallelLimit.ShouldBe(8);
        options.CopyChunkSize.ShouldBe(4 * 1024 * 1024);
        options.CopySliceSize.ShouldBe(5 * 1024 * 1024);
        options.ProgressInterval.ShouldBe(TimeSpan.FromSeconds(2));
        options.Protocol.ShouldBe("http");
        options.Domain.ShouldBe("{Region}.static.example.com/{BucketName}");
        options.ServiceDomain.ShouldBe("service.example.com");
        options.UploadQueueSize.ShouldBe(99);
        options.ForcePathStyle.ShouldBeTrue();
        options.UploadCheckContentMd5.ShouldBeTrue();
        options.AutoSwitchHost.ShouldBeFalse();
        options.UploadAddMetaMd5.ShouldBeTrue();
        options.FollowRedirect.ShouldBeTrue();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.StallTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        options.MinimumThroughput.ShouldBe(2048);
        options.UseAccelerate.ShouldBeTrue();
        options.EnableTracker.ShouldBeTrue();
        options.SignatureExpires.ShouldBe(TimeSpan.FromMinutes(5));
        options.CorrectClockSkew.ShouldBeFalse();
        options.MaxRetries.ShouldBe(1);
        options.RetryDelay.ShouldBe(TimeSpan.FromMilliseconds(250));
        options.MaxRetryDelay.ShouldBe(TimeSpan.FromSeconds(3));
        options.UserAgent.ShouldBe("my-service/1.0");

        // The connection handler honours ConnectTo; the client itself is given the HttpClient over it.
        settings.ConnectTo.ShouldBe("127.0.0.1:9000");
        options.ConnectTo.ShouldBeNull();
    }

    [Fact]
    public void Settings_carry_every_option_that_configuration_can_hold()
    {
        // A new CosClientOptions property must be added to CosClientSettings (and its ToOptions) or be an object set in code.
        var objects = new[]
        {
            nameof(CosClientOptions.CredentialProvider), nameof(CosClientOptions.AuthorizationProvider), nameof(CosClientOptions.TimeProvider),
            nameof(CosClientOptions.LoggerFactory), nameof(CosClientOptions.MeterFactory),
        };
        var optionNames = typeof(CosClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).Except(objects).Order();
        var settingNames = typeof(CosClientSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
        settingNames.ShouldBe(optionNames);

        // Every key of the test above is a setting, so that test covers them all.
        EveryKey.Keys.Select(k => k["Cos:".Length..]).Order().ShouldBe(settingNames.Where(n => n != nameof(CosClientSettings.ConnectTo)).Append(nameof(CosClientSettings.ConnectTo)).Order());
    }

    [Fact]
    public void Defaults_are_the_client_options_defaults()
    {
        new CosClientSettings { Region = "ap-guangzhou" }.ToOptions().ShouldBe(new CosClientOptions { Region = "ap-guangzhou" });
    }

    [Fact]
    public void The_Action_overload_sets_the_settings()
    {
        var services = new ServiceCollection();
        services.AddCosClient(settings =>
        {
            settings.Region = "ap-shanghai";
            settings.SecretId = "AKIDaction";
            settings.SecretKey = "key";
            settings.MaxRetries = 0;
        });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<ICosClient>().Options;
        options.Region.ShouldBe("ap-shanghai");
        options.SecretId.ShouldBe("AKIDaction");
        options.MaxRetries.ShouldBe(0);
        options.ChunkParallelLimit.ShouldBe(3, "untouched settings keep their defaults");
    }

    [Fact]
    public void The_default_client_is_one_singleton_for_both_types()
    {
        var services = new ServiceCollection();
        services.AddCosClient(settings => settings.Region = "ap-guangzhou");
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CosClient>();
        provider.GetRequiredService<ICosClient>().ShouldBeSameAs(client);
        provider.GetRequiredService<CosClient>().ShouldBeSameAs(client);
        provider.GetKeyedService<ICosClient>("archive").ShouldBeNull();
    }

    [Fact]
    public void Named_clients_are_keyed_services_with_their_own_options()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Cos:Region"] = "ap-guangzhou",
            ["Cos:SecretId"] = "AKIDmain",
            ["Cos:SecretKey"] = "main",
            ["Archive:Region"] = "ap-beijing",
            ["Archive:SecretId"] = "AKIDarchive",
            ["Archive:SecretKey"] = "archive",
        });
        var services = new ServiceCollection();
        services.AddCosClient(configuration.GetSection("Cos"));
        services.AddCosClient("archive", configuration.GetSection("Archive"));
        services.AddCosClient("backup", settings => settings.Region = "ap-chengdu");
        using var provider = services.BuildServiceProvider();

        var main = provider.GetRequiredService<ICosClient>();
        var archive = provider.GetRequiredKeyedService<ICosClient>("archive");
        var backup = provider.GetRequiredKeyedService<CosClient>("backup");

        main.Options.Region.ShouldBe("ap-guangzhou");
        main.Options.SecretId.ShouldBe("AKIDmain");
        archive.Options.Region.ShouldBe("ap-beijing");
        archive.Options.SecretId.ShouldBe("AKIDarchive");
        backup.Options.Region.ShouldBe("ap-chengdu");
        backup.Options.SecretId.ShouldBeNull();
        archive.ShouldBeSameAs(provider.GetRequiredKeyedService<CosClient>("archive"));
        archive.ShouldNotBeSameAs(main);
        provider.GetKeyedService<ICosClient>("missing").ShouldBeNull();
    }

    [Fact]
    public void ConfigureCosClientOptions_sets_objects_from_the_container()
    {
        var keys = new StaticCredentialProvider(new CosCredentials("AKIDprovided", "provided"));
        var services = new ServiceCollection();
        services.AddSingleton<ICosCredentialProvider>(keys);
        services.AddCosClient("archive", settings => settings.Region = "ap-beijing");
        services.ConfigureCosClientOptions("archive", (provider, options) => options with { CredentialProvider = provider.GetRequiredService<ICosCredentialProvider>() });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredKeyedService<ICosClient>("archive").Options.CredentialProvider.ShouldBeSameAs(keys);
    }

    [Fact]
    public void The_HttpClient_names_are_per_client()
    {
        CosHostingNames.HttpClientName("").ShouldBe("Cos.Generated");
        CosHostingNames.HttpClientName("archive").ShouldBe("Cos.Generated:archive");
        new ServiceCollection().AddCosClient("archive", _ => { }).Name.ShouldBe("Cos.Generated:archive");
        new ServiceCollection().AddCosClient(_ => { }).Name.ShouldBe(CosHostingNames.DefaultHttpClientName);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("127.0.0.1:9000", false)]
    public void AutoSwitchHost_stays_off_when_the_handler_pins_the_address(string? connectTo, bool expected)
    {
        var services = new ServiceCollection();
        services.AddCosClient(settings =>
        {
            settings.Region = "ap-shanghai";
            settings.ConnectTo = connectTo;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICosClient>().Options.AutoSwitchHost.ShouldBe(expected);
    }
}
