using Cos.Emulator.Errors;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// The errors of SELECT Object Content. COS's Select reference names no SQL error codes of its own; these are the codes
/// of the S3 Select API COS follows (listed at the end of the spec's errors table), all 400 before any event is sent.
/// </summary>
internal static class SelectErrors
{
    public static CosErrorException UnexpectedToken(string token, int position, string expected) =>
        new(400, "ParseUnexpectedToken", $"The SQL expression has '{token}' at position {position} where {expected} was expected.");

    public static CosErrorException InvalidExpressionType(string? type) =>
        new(400, "InvalidExpressionType", $"ExpressionType '{type}' is not supported: use SQL.");

    public static CosErrorException CastFailed(string value, string type) =>
        new(400, "CastFailed", $"'{value}' cannot be cast to {type}.");
}
