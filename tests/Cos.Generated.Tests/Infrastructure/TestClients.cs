using Cos.Generated.Credentials;
using Cos.Generated.Protocol;

namespace Cos.Generated.Tests.Infrastructure;

public static class TestClients
{
    public const string SecretId = "AKIDTESTID";
    public const string SecretKey = "TESTSECRETKEY";
    public const string Bucket = "examplebucket-1250000000";
    public const string Region = "ap-guangzhou";
    public const string Host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";

    public static CosClient Create(
        ScriptedServer server,
        TimeSpan? timeout = null,
        int maxRetries = 3,
        ICosCredentialProvider? credentialProvider = null,
        string? securityToken = null,
        bool anonymous = false,
        bool tracker = false,
        TimeProvider? timeProvider = null,
        string? connectTo = null,
        TimeSpan? stallTimeout = null,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null) =>
        new(new CosClientOptions
        {
            SecretId = anonymous || credentialProvider is not null ? null : SecretId,
            SecretKey = anonymous || credentialProvider is not null ? null : SecretKey,
            SecurityToken = securityToken,
            CredentialProvider = credentialProvider,
            Region = Region,
            Protocol = "http",
            ConnectTo = connectTo ?? $"127.0.0.1:{server.Port}",
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            StallTimeout = stallTimeout ?? TimeSpan.FromSeconds(60),
            EnableTracker = tracker,
            TimeProvider = timeProvider ?? TimeProvider.System,
            LoggerFactory = loggerFactory,
            MeterFactory = meterFactory,
        });

    public static CosHttpRequest Get(string key, CosOperationSafety safety = CosOperationSafety.ReadOnly, string operation = "GetObject") =>
        new(operation, HttpMethod.Get, safety) { Bucket = Bucket, Key = key };

    public static CosHttpRequest Request(HttpMethod method, string? key, CosOperationSafety safety, string operation = "TestOperation", bool bufferResponse = true) =>
        new(operation, method, safety) { Bucket = Bucket, Key = key, BufferResponse = bufferResponse };

    /// <summary>An unmarshal that just returns the status code.</summary>
    public static int Status(CosResponseContext context) => context.StatusCode;

    /// <summary>An unmarshal that reads <c>&lt;Result&gt;&lt;Value&gt;…</c>.</summary>
    public static string ReadValue(CosResponseContext context)
    {
        using var reader = context.OpenXml("Result");
        string? value = null;
        if (CosXml.EnterElement(reader))
        {
            while (CosXml.NextChild(reader))
            {
                if (reader.LocalName == "Value")
                {
                    value = CosXml.ReadText(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return value ?? throw new FormatException("No <Value>.");
    }
}
