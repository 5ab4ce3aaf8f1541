namespace Cos.Emulator.Sts;

/// <summary>A TencentCloud API 3.0 error, answered as <c>{"Response":{"Error":{"Code","Message"},"RequestId"}}</c>.</summary>
internal sealed class StsErrorException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static StsErrorException SignatureFailure(string message) => new("AuthFailure.SignatureFailure", message);

    public static StsErrorException SignatureExpire(string message) => new("AuthFailure.SignatureExpire", message);

    public static StsErrorException InvalidAuthorization(string message) => new("AuthFailure.InvalidAuthorization", message);

    public static StsErrorException SecretIdNotFound(string message) => new("AuthFailure.SecretIdNotFound", message);

    public static StsErrorException InvalidParameter(string message) => new("InvalidParameter", message);

    public static StsErrorException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static StsErrorException MissingParameter(string message) => new("MissingParameter", message);
}
