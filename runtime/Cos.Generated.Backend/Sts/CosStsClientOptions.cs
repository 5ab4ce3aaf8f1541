namespace Cos.Generated.Backend.Sts;

/// <summary>Settings of a <see cref="CosStsClient"/>. <see cref="ToString"/> never shows the secret key.</summary>
public sealed record CosStsClientOptions
{
    /// <summary>The public STS endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://sts.tencentcloudapi.com/");

    /// <summary>The permanent SecretId that asks for temporary keys (STS accepts only permanent keys here).</summary>
    public required string SecretId { get; init; }

    /// <summary>The permanent SecretKey. Never sent, logged or printed.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The <c>X-TC-Region</c> of the STS call, e.g. <c>ap-guangzhou</c> (any STS region issues keys for every COS region).</summary>
    public required string Region { get; init; }

    /// <summary>Where to send the request: <see cref="DefaultEndpoint"/>, <c>https://sts.intl.tencentcloudapi.com/</c>, or an emulator.</summary>
    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The clock for <c>X-TC-Timestamp</c> (STS refuses timestamps more than five minutes off).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long one call may take. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a setting is missing or out of range.</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SecretId, nameof(SecretId));
        ArgumentException.ThrowIfNullOrWhiteSpace(SecretKey, nameof(SecretKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, nameof(Region));
        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The STS endpoint '{Endpoint}' must be an absolute http(s) URI.", nameof(Endpoint));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive (or infinite).");
        }
    }

    /// <summary>Describes the settings without the secret key.</summary>
    public override string ToString() =>
        $"CosStsClientOptions {{ SecretId = {SecretId}, SecretKey = ***, Region = {Region}, Endpoint = {Endpoint}, Timeout = {Timeout} }}";
}
