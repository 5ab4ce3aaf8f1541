using Microsoft.AspNetCore.Http;

namespace Cos.AuthBackend;

/// <summary>Who is asking. Every endpoint calls <see cref="GetUser"/> first and answers 401 when it returns null.</summary>
public static class LoginCheck
{
    /// <summary>The signed-in user, or null.</summary>
    public static string? GetUser(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);

        // LOGIN CHECK PLACEHOLDER: this sample lets everyone in. A real app replaces this with its own check (a
        // session cookie, a bearer token: http.User after app.UseAuthentication()) and returns null for strangers.
        // It may also narrow the key prefix to the user (uploads/{userId}/) in AuthBackendApp.
        return "anonymous-demo-user";
    }
}
