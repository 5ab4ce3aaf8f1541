using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cos.Emulator.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cos.Emulator.Sts;

/// <summary>
/// The emulator's Tencent Cloud STS: answers TC3-signed <c>GetFederationToken</c> (version 2018-08-13, POST JSON
/// <c>{Name, Policy (URL-encoded JSON), DurationSeconds}</c>) with a fresh temporary key that expires after
/// DurationSeconds on the emulator's clock and is limited by the policy (<see cref="CamAuthorizer"/>). Requests go
/// to <see cref="CosEmulatorOptions.StsHost"/>, or carry <c>X-TC-Action</c> on any host. Errors are API 3.0 JSON
/// with status 200, as TencentCloud answers them.
/// </summary>
internal sealed class StsEndpoint(CosEmulatorOptions options)
{
    public const string Service = "sts";
    public const string Version = "2018-08-13";

    private const int DefaultDurationSeconds = 1800;
    private const int MaxDurationSeconds = 129600;
    private const int MaxBodyBytes = 64 * 1024;

    private readonly Tc3Verifier _verifier = new(options);

    /// <summary>True for requests to the STS host, or any TencentCloud API 3.0 request (it names an X-TC-Action).</summary>
    public bool Accepts(HttpRequest request)
    {
        if (request.Headers.ContainsKey("X-TC-Action"))
        {
            return true;
        }

        var host = request.Host.Host;
        return !string.IsNullOrEmpty(options.StsHost) && string.Equals(host, options.StsHost, StringComparison.OrdinalIgnoreCase);
    }

    public async Task HandleAsync(HttpContext http, IssuedKeys issued)
    {
        var requestId = Guid.NewGuid().ToString();
        try
        {
            var request = http.Request;
            if (!HttpMethods.IsPost(request.Method))
            {
                throw new StsErrorException("UnsupportedProtocol", "The COS emulator's STS takes POST requests with a JSON body.");
            }

            var body = await ReadBodyAsync(request, http.RequestAborted);
            var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
            var question = rawTarget.IndexOf('?');
            _verifier.Verify(request, question < 0 ? string.Empty : rawTarget[(question + 1)..], body, Service);

            var action = request.Headers["X-TC-Action"].ToString();
            if (action != "GetFederationToken")
            {
                throw new StsErrorException("InvalidAction", $"The action '{action}' is not supported by the COS emulator's STS (only GetFederationToken).");
            }

            var version = request.Headers["X-TC-Version"].ToString();
            if (version != Version)
            {
                throw new StsErrorException("NoSuchVersion", $"The version '{version}' of STS does not exist; use {Version}.");
            }

            if (request.Headers["X-TC-Region"].ToString().Length == 0)
            {
                throw StsErrorException.MissingParameter("The X-TC-Region header is missing.");
            }

            var issuedKey = Issue(body);
            issued.Add(issuedKey);
            await WriteAsync(http, json =>
            {
                json.WriteStartObject("Credentials");
                json.WriteString("Token", issuedKey.Key.SecurityToken);
                json.WriteString("TmpSecretId", issuedKey.Key.TmpSecretId);
                json.WriteString("TmpSecretKey", issuedKey.Key.TmpSecretKey);
                json.WriteEndObject();
                json.WriteNumber("ExpiredTime", issuedKey.Key.ExpiredTime.ToUnixTimeSeconds());
                json.WriteString("Expiration", issuedKey.Key.ExpiredTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("RequestId", requestId);
            });
        }
        catch (StsErrorException error)
        {
            await WriteAsync(http, json =>
            {
                json.WriteStartObject("Error");
                json.WriteString("Code", error.Code);
                json.WriteString("Message", error.Message);
                json.WriteEndObject();
                json.WriteString("RequestId", requestId);
            });
        }
    }

    private IssuedKey Issue(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw StsErrorException.InvalidParameter("The request body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            var name = String(root, "Name") ?? throw StsErrorException.MissingParameter("The parameter Name is missing.");
            var encodedPolicy = String(root, "Policy") ?? throw StsErrorException.MissingParameter("The parameter Policy is missing.");
            var duration = DefaultDurationSeconds;
            if (root.TryGetProperty("DurationSeconds", out var durationElement) && !(durationElement.TryGetInt32(out duration) && duration is >= 1 and <= MaxDurationSeconds))
            {
                throw StsErrorException.InvalidParameterValue($"DurationSeconds must be an integer from 1 to {MaxDurationSeconds}.");
            }

            if (encodedPolicy.TrimStart().StartsWith('{'))
            {
                throw StsErrorException.InvalidParameter("The Policy must be URL-encoded JSON (it starts with '{').");
            }

            CamPolicy policy;
            try
            {
                // The API takes the policy URL-encoded and decodes it.
                policy = CamPolicy.Parse(Uri.UnescapeDataString(encodedPolicy));
            }
            catch (FormatException e)
            {
                throw StsErrorException.InvalidParameter($"The Policy is invalid: {e.Message}");
            }

            var expires = options.TimeProvider.GetUtcNow().AddSeconds(duration);
            var key = new TemporaryKey("AKID" + Random(32), Random(40), Random(96), new DateTimeOffset(expires.Ticks - (expires.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
            return new IssuedKey(key, policy, name);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Random(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw StsErrorException.InvalidParameter($"The request body is larger than {MaxBodyBytes} bytes.");
            }
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter> writeResponse)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("Response");
            writeResponse(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }
}
