namespace Cos.Generated.Credentials;

/// <summary>
/// Returns the credentials last given to <see cref="Rotate"/>: rotates permanent keys (or keys a caller
/// refreshes itself) without recreating the client, like assigning the Node SDK's <c>cos.options.Credentials</c>.
/// Requests already signed keep their old signature; every later try uses the new keys.
/// </summary>
public sealed class RotatingCredentialProvider : ICosCredentialProvider
{
    private volatile CosCredentials _current;

    /// <summary>Creates a provider that starts with <paramref name="initial"/>.</summary>
    public RotatingCredentialProvider(CosCredentials initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The credentials requests are signed with now.</summary>
    public CosCredentials Current => _current;

    /// <summary>Replaces the credentials; thread-safe, and takes effect from the next try of any request.</summary>
    public void Rotate(CosCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _current = credentials;
    }

    /// <inheritdoc />
    public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken) => ValueTask.FromResult(_current);

    /// <inheritdoc />
    public override string ToString() => $"RotatingCredentialProvider {{ {_current} }}";
}
