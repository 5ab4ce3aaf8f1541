using Cos.Emulator.Routing;
using Cos.Generated.Signing;

namespace Cos.Emulator.Tests;

/// <summary>Signed requests the SDK cannot express (wrong digests, odd sub-resources, expired windows).</summary>
public static class RawRequests
{
    public static HttpRequestMessage Create(
        CosEmulator cos,
        HttpMethod method,
        string pathAndQuery,
        byte[]? body = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string host = Emulators.Host,
        string? secretId = null,
        string? secretKey = null,
        CosKeyTime? keyTime = null,
        bool sign = true)
    {
        var request = new HttpRequestMessage(method, new Uri($"http://{host}{pathAndQuery}"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        var signed = new List<KeyValuePair<string, string?>> { new("Host", host) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!(request.Headers.TryAddWithoutValidation(name, value)))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }

            signed.Add(new(name, value));
        }

        if (sign)
        {
            var queryStart = pathAndQuery.IndexOf('?');
            var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
            var query = queryStart < 0 ? [] : CosRouter.ParseQuery(pathAndQuery[(queryStart + 1)..]).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToArray();
            var authorization = CosSigner.GetAuthorization(
                secretId ?? cos.SecretId,
                secretKey ?? cos.SecretKey,
                method.Method,
                Uri.UnescapeDataString(path),
                query,
                signed.ToArray(),
                keyTime ?? CosKeyTime.FromNow(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10)));
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(CosEmulator cos, HttpRequestMessage request)
    {
        using var http = Emulators.Raw(cos);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, response);
    }
}
