namespace Cos.Emulator.Errors;

/// <summary>A COS error to answer with: status, code and message, written as an <c>&lt;Error&gt;</c> body.</summary>
internal sealed class CosErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Extra elements after the standard ones (SignatureDoesNotMatch adds StringToSign and FormatString).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];

    /// <summary>Headers to add to the error response (416 adds Content-Range).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
