namespace Cos.Generated.Credentials;

/// <summary>Always returns the same (permanent or temporary) credentials, whatever the scope.</summary>
public sealed class StaticCredentialProvider : ICosCredentialProvider
{
    private readonly ValueTask<CosCredentials> _result;

    /// <summary>Creates a provider for <paramref name="credentials"/>.</summary>
    public StaticCredentialProvider(CosCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        _result = ValueTask.FromResult(credentials);
    }

    /// <summary>Creates a provider for a SecretId/SecretKey pair and an optional temporary-key token.</summary>
    public StaticCredentialProvider(string secretId, string secretKey, string? securityToken = null)
        : this(new CosCredentials(secretId, secretKey, securityToken))
    {
    }

    /// <summary>The credentials.</summary>
    public CosCredentials Credentials { get; }

    /// <inheritdoc />
    public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken) => _result;

    /// <inheritdoc />
    public override string ToString() => $"StaticCredentialProvider {{ {Credentials} }}";
}
