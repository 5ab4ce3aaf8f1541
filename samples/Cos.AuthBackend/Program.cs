using Cos.AuthBackend;
using Microsoft.Extensions.Configuration;

// dotnet run --project samples/Cos.AuthBackend   (settings: appsettings.json, AuthBackend__* and COS_SECRET_ID/COS_SECRET_KEY)
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

AuthBackendOptions options;
try
{
    options = AuthBackendOptions.FromConfiguration(configuration);
}
catch (Exception e) when (e is InvalidOperationException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using var app = AuthBackendApp.Build(options, args);
await app.RunAsync();
return 0;
