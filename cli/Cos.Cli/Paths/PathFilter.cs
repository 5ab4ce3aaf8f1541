namespace Cos.Cli.Paths;

/// <summary>
/// <c>--include</c>/<c>--exclude</c> globs over paths relative to the source (always with <c>/</c>): a path is taken when
/// it matches some include (or none were given) and no exclude. <c>*</c> and <c>?</c> stay within a directory,
/// <c>**</c> crosses them (<c>**/</c> also matches no directory); a pattern without <c>/</c> is matched against the name
/// alone (<c>*.tmp</c> excludes them at any depth), one with <c>/</c> against the whole relative path (<c>logs/**</c>).
/// </summary>
/// <remarks>
/// Matched by dynamic programming over (pattern token, path position), so any pattern costs at most their product:
/// no backtracking blow-up. Hand-written rather than a <c>Regex</c>: the regex parser and interpreter would add half a
/// megabyte to the NativeAOT binary for this one use.
/// </remarks>
internal sealed class PathFilter
{
    private readonly Glob[] _include;
    private readonly Glob[] _exclude;

    public PathFilter(IReadOnlyList<string>? include, IReadOnlyList<string>? exclude)
    {
        _include = Compile(include);
        _exclude = Compile(exclude);
    }

    /// <summary>A filter that takes everything.</summary>
    public static PathFilter All { get; } = new(null, null);

    /// <summary>True when <paramref name="relativePath"/> is selected.</summary>
    public bool Matches(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return (_include.Length == 0 || _include.Any(g => g.IsMatch(relativePath, name))) && !_exclude.Any(g => g.IsMatch(relativePath, name));
    }

    private static Glob[] Compile(IReadOnlyList<string>? globs) => globs is null ? [] : [.. globs.Select(Glob.Parse)];

    private enum Kind
    {
        Literal,
        AnyChar,
        Star,
        DoubleStar,
        DirectoriesOrNone,
    }

    private readonly record struct Token(Kind Kind, char Literal = default);

    private sealed class Glob(Token[] tokens, bool wholePath)
    {
        public static Glob Parse(string glob)
        {
            if (glob.Length == 0)
            {
                throw CliException.Usage("an --include or --exclude pattern is empty.");
            }

            var tokens = new List<Token>();
            for (var i = 0; i < glob.Length; i++)
            {
                if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    tokens.Add(new Token(slash ? Kind.DirectoriesOrNone : Kind.DoubleStar));
                    i += slash ? 2 : 1;
                }
                else
                {
                    tokens.Add(glob[i] switch
                    {
                        '*' => new Token(Kind.Star),
                        '?' => new Token(Kind.AnyChar),
                        var c => new Token(Kind.Literal, c),
                    });
                }
            }

            return new Glob([.. tokens], glob.Contains('/'));
        }

        public bool IsMatch(string path, string name) => Match(wholePath ? path : name);

        private bool Match(string text)
        {
            // matches[t, j]: tokens[t..] match text[j..]. orLater[j] (for a DirectoriesOrNone token t): some k > j with
            // text[k - 1] == '/' has matches[t + 1, k].
            int n = text.Length, count = tokens.Length;
            var matches = new bool[count + 1, n + 1];
            matches[count, n] = true;
            for (var t = count - 1; t >= 0; t--)
            {
                var token = tokens[t];
                var orLater = false;
                for (var j = n; j >= 0; j--)
                {
                    var atEnd = j == n;
                    orLater = !atEnd && ((text[j] == '/' && matches[t + 1, j + 1]) || orLater);
                    matches[t, j] = token.Kind switch
                    {
                        Kind.Literal => !atEnd && text[j] == token.Literal && matches[t + 1, j + 1],
                        Kind.AnyChar => !atEnd && text[j] != '/' && matches[t + 1, j + 1],
                        Kind.Star => matches[t + 1, j] || (!atEnd && text[j] != '/' && matches[t, j + 1]),
                        Kind.DoubleStar => matches[t + 1, j] || (!atEnd && matches[t, j + 1]),
                        _ => matches[t + 1, j] || orLater,
                    };
                }
            }

            return matches[0, 0];
        }
    }
}
