using System.Net;

namespace Cos.Generated.Tests.Vocabulary;

/// <summary>What the client put on the wire: method, target, headers (request and content) and body bytes.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Target => Uri.PathAndQuery;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An <see cref="HttpMessageHandler"/> that records each request and answers from a script, in order.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<SentRequest> Sent { get; } = [];

    public void Answer(HttpStatusCode status, byte[]? body = null, params (string Name, string Value)[] headers) => _answers.Enqueue(() =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body ?? []) };
        response.Headers.TryAddWithoutValidation("x-cos-request-id", "NjQ0ZTk5");
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    });

    public void Answer(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        Answer(status, System.Text.Encoding.UTF8.GetBytes(body), headers);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(",", values);
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(",", values);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        Sent.Add(new SentRequest(request.Method, request.RequestUri!, headers, body));
        return _answers.Count > 0 ? _answers.Dequeue()() : new HttpResponseMessage(HttpStatusCode.InternalServerError);
    }

    /// <summary>A client that sends through <paramref name="handler"/>, with no retries so every request shows.</summary>
    public static CosClient Client(FakeHandler handler) => new(
        new CosClientOptions
        {
            SecretId = "AKIDTESTID",
            SecretKey = "TESTSECRETKEY",
            Region = "ap-guangzhou",
            MaxRetries = 0,
        },
        new HttpClient(handler));
}
