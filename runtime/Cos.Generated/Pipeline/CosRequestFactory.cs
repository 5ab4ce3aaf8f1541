using System.Globalization;
using System.Runtime.InteropServices;
using Cos.Generated.Credentials;
using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;
using Cos.Generated.Signing;

namespace Cos.Generated.Pipeline;

/// <summary>Turns a <see cref="CosHttpRequest"/> into a new <see cref="HttpRequestMessage"/> for one try, and signs it.</summary>
internal sealed class CosRequestFactory(CosClientOptions options, string userAgent)
{
    /// <summary>Headers .NET keeps on <see cref="HttpContent"/> rather than on the request.</summary>
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-MD5", "Content-Length", "Content-Disposition", "Content-Encoding",
        "Content-Language", "Content-Location", "Content-Range", "Expires", "Last-Modified", "Allow",
    };

    /// <summary>
    /// Builds try number <paramref name="attempt"/> (0 first), unsigned. Content headers go on the content; a
    /// non-GET/HEAD request without a body gets empty content so that <c>Content-Length: 0</c> is sent
    /// and signed; retries carry a signed <c>x-cos-sdk-retry: true</c>. <paramref name="signedHeaders"/>
    /// receives the headers a signature covers (Host first); sign with <see cref="Sign"/> or <see cref="Authorize"/>.
    /// </summary>
    public HttpRequestMessage Create(CosHttpRequest request, CosEndpoint endpoint, int attempt, out List<KeyValuePair<string, string?>> signedHeaders)
    {
        var message = new HttpRequestMessage(request.Method, endpoint.Uri);
        try
        {
            var content = request.Body?.CreateContent(attempt);
            if (content is null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            {
                content = new ByteArrayContent([]);
            }

            var signed = new List<KeyValuePair<string, string?>>(request.Headers.Count + 3) { new("Host", endpoint.Host) };
            foreach (var (name, value) in request.Headers)
            {
                if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException("The Host header comes from the endpoint and cannot be set on a request.", nameof(request));
                }

                if (string.Equals(name, CosHeaders.ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // Computed from the body below.
                }

                bool added;
                if (ContentHeaders.Contains(name))
                {
                    content ??= new ByteArrayContent([]);
                    added = content.Headers.TryAddWithoutValidation(name, value);
                }
                else
                {
                    added = message.Headers.TryAddWithoutValidation(name, value);
                }

                if (!added)
                {
                    throw new ArgumentException($"The header '{name}' of {request.OperationName} cannot be sent.", nameof(request));
                }

                signed.Add(new(name, value));
            }

            if (content is not null)
            {
                if ((request.Body is null ? 0 : request.Body.Length) is { } length)
                {
                    content.Headers.ContentLength = length;
                    signed.Add(new(CosHeaders.ContentLength, length.ToString(CultureInfo.InvariantCulture)));
                }

                message.Content = content;
            }

            if (attempt > 0)
            {
                message.Headers.TryAddWithoutValidation(CosHeaders.SdkRetry, "true");
                signed.Add(new(CosHeaders.SdkRetry, "true"));
            }

            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);

            signedHeaders = signed;
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Signs <paramref name="message"/> with <paramref name="credentials"/> over <paramref name="signedHeaders"/>;
    /// a temporary key's token is added after signing, so it is not signed.
    /// </summary>
    public void Sign(HttpRequestMessage message, CosHttpRequest request, CosEndpoint endpoint, List<KeyValuePair<string, string?>> signedHeaders, CosCredentials credentials, DateTimeOffset now)
    {
        var keyTime = SigningTime.ForRequest(credentials, now, options.SignatureExpires);
        var authorization = CosSigner.GetAuthorization(
            credentials.SecretId,
            credentials.SecretKey,
            request.Method.Method,
            endpoint.Pathname,
            CollectionsMarshal.AsSpan(request.Query),
            CollectionsMarshal.AsSpan(signedHeaders),
            keyTime);
        Authorize(message, endpoint, authorization, credentials.SecurityToken);
    }

    /// <summary>
    /// The headers an external signer is given: of <paramref name="signedHeaders"/>, those COS signs
    /// and that have a value, exactly what <see cref="Sign"/> covers.
    /// </summary>
    public static List<KeyValuePair<string, string?>> SignableHeaders(List<KeyValuePair<string, string?>> signedHeaders) =>
        signedHeaders.Where(static h => !string.IsNullOrEmpty(h.Value) && CosSigner.IsSignedHeader(h.Key)).ToList();

    /// <summary>Adds <paramref name="authorization"/> and, when given, the temporary key's token.</summary>
    public static void Authorize(HttpRequestMessage message, CosEndpoint endpoint, string authorization, string? securityToken)
    {
        message.Headers.TryAddWithoutValidation(CosHeaders.Authorization, authorization);
        if (securityToken is not null)
        {
            message.Headers.TryAddWithoutValidation(SecurityTokenHeader(endpoint.Host), securityToken);
        }
    }

    /// <summary><c>x-ci-security-token</c> on Cloud Infinite (<c>*.ci.*</c>) hosts, else <c>x-cos-security-token</c>.</summary>
    internal static string SecurityTokenHeader(string host) =>
        host.Contains(".ci.", StringComparison.OrdinalIgnoreCase) ? "x-ci-security-token" : CosHeaders.SecurityToken;
}
