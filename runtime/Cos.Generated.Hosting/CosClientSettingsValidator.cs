using Microsoft.Extensions.Options;

namespace Cos.Generated.Hosting;

/// <summary>
/// Checks the settings of one client (its options name) when they are first read and on start
/// (<c>ValidateOnStart</c>): a region is required, then every rule of <see cref="CosClientOptions.Validate"/> on the
/// options the settings and the <c>ConfigureCosClientOptions</c> functions make,
/// whose message is kept and prefixed with the client and the configuration section it came from.
/// </summary>
internal sealed class CosClientSettingsValidator(IServiceProvider provider, string name, string? configurationPath) : IValidateOptions<CosClientSettings>
{
    public ValidateOptionsResult Validate(string? name1, CosClientSettings options)
    {
        if (!string.Equals(name1 ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var client = name.Length == 0 ? "The COS client" : $"The COS client '{name}'";
        var where = configurationPath is null ? client : $"{client} (configuration section '{configurationPath}')";
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            var key = configurationPath is null ? "Region" : $"'{configurationPath}:Region'";
            return ValidateOptionsResult.Fail($"{where}: Region is required: set {key} to the region of the buckets, such as 'ap-guangzhou'.");
        }

        try
        {
            CosClientOptionsConfigurators.Build(provider, name, options).Validate();
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{where}: {exception.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
