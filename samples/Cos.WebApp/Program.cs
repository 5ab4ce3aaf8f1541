using Cos.WebApp;

// dotnet run --project samples/Cos.WebApp
//   Development with no Cos:ConnectTo and no Cos:SecretId: the local COS emulator starts in this process.
//   Real COS: Cos__SecretId / Cos__SecretKey (environment) or user secrets, Storage:Bucket and Cos:Region.
var builder = WebApplication.CreateSlimBuilder(args);
await using var emulator = await CosWebApp.StartDevelopmentEmulatorAsync(builder);
CosWebApp.AddServices(builder);

await using var app = builder.Build();
app.MapFileEndpoints();
await app.RunAsync();
