namespace Cos.Generated.MSBuild;

/// <summary>
/// The key the task signs with: its parameters when given, else the environment variables, which are read here
/// (not through MSBuild properties) so they never reach the evaluation, the log or a binlog.
/// </summary>
internal sealed class UploadCredentials
{
    /// <summary>The environment variable of the SecretId.</summary>
    public const string SecretIdVariable = "COS_SECRET_ID";

    /// <summary>The environment variable of the SecretKey.</summary>
    public const string SecretKeyVariable = "COS_SECRET_KEY";

    /// <summary>The environment variable of a temporary key's token.</summary>
    public const string SecurityTokenVariable = "COS_SECURITY_TOKEN";

    private UploadCredentials(string secretId, string secretKey, string? securityToken, bool fromParameters)
    {
        SecretId = secretId;
        SecretKey = secretKey;
        SecurityToken = securityToken;
        FromParameters = fromParameters;
    }

    public string SecretId { get; }

    public string SecretKey { get; }

    public string? SecurityToken { get; }

    /// <summary>True when the key came from task parameters (and so is in the build log's record of parameters).</summary>
    public bool FromParameters { get; }

    /// <summary>
    /// The parameters' key when either parameter is set (then both must be), else the environment's.
    /// Null with <paramref name="problem"/> saying what is missing, in words that name no secret.
    /// </summary>
    public static UploadCredentials? Resolve(string? secretId, string? secretKey, string? securityToken, Func<string, string?> environment, out string? problem)
    {
        if (!string.IsNullOrEmpty(secretId) || !string.IsNullOrEmpty(secretKey))
        {
            if (string.IsNullOrEmpty(secretId) || string.IsNullOrEmpty(secretKey))
            {
                problem = "SecretId and SecretKey must be given together: only " + (string.IsNullOrEmpty(secretId) ? "SecretKey" : "SecretId") + " is set.";
                return null;
            }

            problem = null;
            return new UploadCredentials(secretId, secretKey, NullIfEmpty(securityToken), fromParameters: true);
        }

        var id = environment(SecretIdVariable);
        var key = environment(SecretKeyVariable);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(key))
        {
            var missing = string.IsNullOrEmpty(id) && string.IsNullOrEmpty(key) ? $"{SecretIdVariable} and {SecretKeyVariable} are"
                : string.IsNullOrEmpty(id) ? $"{SecretIdVariable} is" : $"{SecretKeyVariable} is";
            problem = $"No COS credentials: the environment variable {missing} not set. Set {SecretIdVariable} and {SecretKeyVariable} "
                + $"(and {SecurityTokenVariable} for a temporary key) in the environment of the build.";
            return null;
        }

        problem = null;
        return new UploadCredentials(id, key, NullIfEmpty(environment(SecurityTokenVariable)), fromParameters: false);
    }

    /// <summary>Never shows the key or token.</summary>
    public override string ToString() => $"UploadCredentials {{ SecretId = {SecretId}, SecretKey = ***{(SecurityToken is null ? string.Empty : ", SecurityToken = ***")} }}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
