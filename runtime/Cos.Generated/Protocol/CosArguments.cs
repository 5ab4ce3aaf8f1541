namespace Cos.Generated.Protocol;

/// <summary>Argument checks the generated marshallers run before anything is sent.</summary>
public static class CosArguments
{
    /// <summary>Throws <see cref="ArgumentException"/> when a required string is null or empty.</summary>
    public static void RequireNonEmpty(string? value, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{member} is required.", "request");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is outside the spec's <c>min</c>..<c>max</c>.</summary>
    public static void RequireRange(long value, long min, long max, string member)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException("request", value, $"{member} must be from {min} to {max}; COS refuses {value}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is outside the spec's <c>min</c>..<c>max</c>.</summary>
    public static void RequireRange(ulong value, ulong min, ulong max, string member)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException("request", value, $"{member} must be from {min} to {max}; COS refuses {value}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a required value is null.</summary>
    public static void RequireNonNull(object? value, string member)
    {
        if (value is null)
        {
            throw new ArgumentException($"{member} is required.", "request");
        }
    }
}
