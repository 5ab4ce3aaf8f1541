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

    /// <summary>Throws <see cref="ArgumentException"/> when a required value is null.</summary>
    public static void RequireNonNull(object? value, string member)
    {
        if (value is null)
        {
            throw new ArgumentException($"{member} is required.", "request");
        }
    }
}
