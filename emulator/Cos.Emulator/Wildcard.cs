namespace Cos.Emulator;

/// <summary>
/// Glob matching with <c>*</c> (any run) and <c>?</c> (one character); with <c>starOnly</c>, <c>?</c> is itself
/// (CAM resource and action patterns).
/// </summary>
internal static class Wildcard
{
    public static bool IsMatch(string text, string pattern, bool ignoreCase = false, bool starOnly = false)
    {
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && ((pattern[p] == '?' && !starOnly) || Same(pattern[p], text[t], ignoreCase)))
            {
                t++;
                p++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
