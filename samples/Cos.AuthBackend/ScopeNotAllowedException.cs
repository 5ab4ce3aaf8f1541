namespace Cos.AuthBackend;

/// <summary>A scope posted to <c>POST /sts</c> asks for more than the backend allows; the endpoint answers 403.</summary>
public sealed class ScopeNotAllowedException(string message) : Exception(message);
