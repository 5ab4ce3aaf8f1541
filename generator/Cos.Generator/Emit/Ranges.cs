using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>The <c>"min"</c>/<c>"max"</c> of a member: the check before sending, and the words in its docs.</summary>
internal static class Ranges
{
    /// <summary>A statement that refuses <paramref name="value"/> outside the member's range, or null when it has none.</summary>
    public static string? Check(MemberModel m, string value, string path)
    {
        if (m.Min is null && m.Max is null)
        {
            return null;
        }

        var (low, high) = m.Type.Kind switch
        {
            TypeKind.Int32 => ("int.MinValue", "int.MaxValue"),
            TypeKind.Int64 => ("long.MinValue", "long.MaxValue"),
            _ => ("0UL", "ulong.MaxValue"),
        };
        var suffix = m.Type.Kind == TypeKind.UInt64 ? "UL" : m.Type.Kind == TypeKind.Int64 ? "L" : string.Empty;
        var min = m.Min is null ? low : m.Min + suffix;
        var max = m.Max is null ? high : m.Max + suffix;
        return $"global::Cos.Generated.Protocol.CosArguments.RequireRange({value}, {min}, {max}, {TypeNames.Literal(path)});";
    }

    /// <summary>The range and default in words, or null when the member has neither.</summary>
    public static string? Describe(MemberModel m, bool checkedBeforeSending)
    {
        var text = (m.Min, m.Max) switch
        {
            (null, null) => string.Empty,
            ({ } min, { } max) => $"Range: {min} to {max}.",
            ({ } min, null) => $"Range: at least {min}.",
            (null, { } max) => $"Range: at most {max}.",
        };
        if (text.Length > 0 && checkedBeforeSending)
        {
            text += " A value outside it throws <see cref=\"global::System.ArgumentOutOfRangeException\"/> before anything is sent.";
        }

        if (m.Default is { } fallback)
        {
            text += (text.Length > 0 ? " " : string.Empty) + $"When not set, COS uses <c>{Docs.Escape(fallback)}</c>.";
        }

        return text.Length == 0 ? null : text;
    }
}
