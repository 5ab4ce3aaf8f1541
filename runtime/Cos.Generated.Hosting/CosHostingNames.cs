namespace Cos.Generated.Hosting;

/// <summary>The names under which <c>AddCosClient</c> registers a client's <see cref="HttpClient"/>.</summary>
public static class CosHostingNames
{
    /// <summary>The name of the default client's <see cref="HttpClient"/>: <c>Cos.Generated</c>.</summary>
    public const string DefaultHttpClientName = "Cos.Generated";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> of the COS client named <paramref name="clientName"/>:
    /// <c>Cos.Generated</c> for the default client (empty name), <c>Cos.Generated:{clientName}</c> otherwise.
    /// </summary>
    public static string HttpClientName(string clientName)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        return clientName.Length == 0 ? DefaultHttpClientName : $"{DefaultHttpClientName}:{clientName}";
    }
}
