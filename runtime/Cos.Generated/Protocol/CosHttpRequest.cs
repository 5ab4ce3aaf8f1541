namespace Cos.Generated.Protocol;

/// <summary>
/// A transport-neutral description of one COS request, built by the generated marshallers.
/// The pipeline turns it into a fresh, freshly signed <see cref="HttpRequestMessage"/> for every try.
/// </summary>
public sealed class CosHttpRequest
{
    /// <summary>Creates a request for <paramref name="operation"/>, a row of a generated operation table.</summary>
    public CosHttpRequest(CosOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Operation = operation;
    }

    /// <summary>Creates a request for an operation that has no row in an operation table (its CAM action is <c>name/cos:{operationName}</c>).</summary>
    public CosHttpRequest(string operationName, HttpMethod method, CosOperationSafety safety)
        : this(new CosOperation { Name = operationName, Method = method, Safety = safety, CamAction = "name/cos:" + operationName })
    {
    }

    /// <summary>The operation: its name, route, retry class and CAM action.</summary>
    public CosOperation Operation { get; }

    /// <summary>The spec's operation name, for errors, logs and traces.</summary>
    public string OperationName => Operation.Name;

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method => Operation.Method;

    /// <summary>The retry class of the operation.</summary>
    public CosOperationSafety Safety => Operation.Safety;

    /// <summary>True for operations sent to the service endpoint rather than a bucket (GetService).</summary>
    public bool ServiceScope => Operation.ServiceScope;

    /// <summary>
    /// The keys the request body names, for an operation authorized on each of them (<see cref="CosOperation.CamEachKey"/>:
    /// a batch delete); null otherwise.
    /// </summary>
    public IReadOnlyList<string>? CamKeys { get; set; }

    /// <summary>The bucket, <c>name-appid</c>.</summary>
    public string? Bucket { get; set; }

    /// <summary>The region; when null the client's default region is used.</summary>
    public string? Region { get; set; }

    /// <summary>The object key, raw (not URL-encoded); null for bucket-level operations.</summary>
    public string? Key { get; set; }

    /// <summary>Query parameters, raw. A null value is a bare sub-resource (<c>?uploads</c>, signed as <c>uploads=</c>).</summary>
    public List<KeyValuePair<string, string?>> Query { get; } = [];

    /// <summary>Request headers, including content headers. Empty values are sent but not signed.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The body, if any.</summary>
    public CosRequestBody? Body { get; set; }

    /// <summary>
    /// False for operations whose response body is handed to the caller as a stream;
    /// true (the default) to read the body into memory, bounded, before unmarshalling.
    /// </summary>
    public bool BufferResponse { get; init; } = true;

    /// <summary>
    /// The operation's spec's rule for error codes worth a retry (<c>XxxErrorCodes.IsRetryable</c>), consulted besides
    /// COS's own (<see cref="CosErrorCodes.IsRetryable"/>), so codes a consumer's spec marks <c>retryable</c> are retried.
    /// </summary>
    public Func<string?, bool>? IsRetryableErrorCode { get; init; }

    /// <summary>
    /// Statuses besides 2xx that are a successful answer for this operation (304 Not Modified for a conditional read):
    /// the response is unmarshalled, not turned into a <see cref="CosException"/>.
    /// </summary>
    public IReadOnlyList<int>? SuccessStatusCodes { get; init; }

    /// <summary>True for a 2xx status or one of <see cref="SuccessStatusCodes"/>.</summary>
    internal bool IsSuccess(int status)
    {
        if (status is >= 200 and <= 299)
        {
            return true;
        }

        foreach (var code in SuccessStatusCodes ?? [])
        {
            if (code == status)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the CRC-64 in the response header <see cref="Crc64Header"/> is of; the pipeline checks it.</summary>
    public CosBodyChecksum Crc64Check { get; init; }

    /// <summary>The response header with the CRC-64 that <see cref="Crc64Check"/> describes (<c>x-cos-hash-crc64ecma</c>).</summary>
    public string? Crc64Header { get; init; }

    /// <summary>Adds a query parameter.</summary>
    public void AddQuery(string name, string? value) => Query.Add(new(name, value));

    /// <summary>Adds a header.</summary>
    public void AddHeader(string name, string value) => Headers.Add(new(name, value));

    /// <summary>Adds one header per entry, named <paramref name="prefix"/> + key (user metadata).</summary>
    public void AddPrefixHeaders(string prefix, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException($"A header under '{prefix}' has an empty name.");
            }

            Headers.Add(new(prefix + name, value ?? string.Empty));
        }
    }

    /// <summary>Returns the first header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
