namespace Cos.Generated.MSBuild.Tests.Unit;

public sealed class UploadCredentialsTests
{
    private static Func<string, string?> Environment(string? id = null, string? key = null, string? token = null) => name => name switch
    {
        "COS_SECRET_ID" => id,
        "COS_SECRET_KEY" => key,
        "COS_SECURITY_TOKEN" => token,
        _ => null,
    };

    [Fact]
    public void Without_parameters_the_key_and_token_come_from_the_environment()
    {
        var credentials = UploadCredentials.Resolve(null, null, null, Environment("env-id", "env-key", "env-token"), out var problem);

        problem.ShouldBeNull();
        credentials.ShouldNotBeNull();
        (credentials.SecretId, credentials.SecretKey, credentials.SecurityToken, credentials.FromParameters).ShouldBe(("env-id", "env-key", "env-token", false));
    }

    [Fact]
    public void Parameters_win_over_the_environment_and_are_flagged_as_such()
    {
        var credentials = UploadCredentials.Resolve("param-id", "param-key", null, Environment("env-id", "env-key", "env-token"), out _);

        credentials.ShouldNotBeNull();
        (credentials.SecretId, credentials.SecretKey, credentials.SecurityToken, credentials.FromParameters).ShouldBe(("param-id", "param-key", null, true));
    }

    [Fact]
    public void Half_a_key_in_parameters_is_a_problem_even_when_the_environment_has_one()
    {
        UploadCredentials.Resolve("param-id", null, null, Environment("env-id", "env-key"), out var problem).ShouldBeNull();

        problem.ShouldBe("SecretId and SecretKey must be given together: only SecretId is set.");
    }

    [Theory]
    [InlineData(null, null, "COS_SECRET_ID and COS_SECRET_KEY are not set")]
    [InlineData("env-id", null, "COS_SECRET_KEY is not set")]
    [InlineData(null, "env-key-value", "COS_SECRET_ID is not set")]
    public void A_missing_environment_variable_is_named_and_no_value_is_shown(string? id, string? key, string expected)
    {
        UploadCredentials.Resolve(null, null, null, Environment(id, key), out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain(expected);
        problem.ShouldNotContain("env-key-value");
    }

    [Fact]
    public void ToString_hides_the_key_and_token()
    {
        var text = UploadCredentials.Resolve("id", "very-secret", "very-token", Environment(), out _)!.ToString();

        text.ShouldNotContain("very-secret");
        text.ShouldNotContain("very-token");
    }
}
