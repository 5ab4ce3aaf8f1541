namespace Cos.Emulator.Operations;

/// <summary>
/// One page of a COS listing (objects, versions, multipart uploads), grouped as COS groups them: an entry whose key has
/// the delimiter after the prefix is folded into its common prefix, listed once (and not at all when the prefix is the
/// key marker, which the previous page ended on); entries and prefixes each count one toward the page size.
/// </summary>
/// <typeparam name="T">The listed entry.</typeparam>
internal sealed class ListingPage<T>
{
    private ListingPage()
    {
    }

    /// <summary>The page's entries and common prefixes, in listing order (exactly one of the two set per item).</summary>
    public List<(T? Entry, string? CommonPrefix)> Items { get; } = [];

    /// <summary>Whether entries are left after this page.</summary>
    public bool IsTruncated { get; private set; }

    public IEnumerable<T> Entries => Items.Where(i => i.CommonPrefix is null).Select(i => i.Entry!);

    public IEnumerable<string> CommonPrefixes => Items.Where(i => i.CommonPrefix is not null).Select(i => i.CommonPrefix!);

    /// <summary>The last item listed; default for an empty page. A truncated page's next markers are made from it.</summary>
    public (T? Entry, string? CommonPrefix) Last => Items.Count > 0 ? Items[^1] : default;

    /// <summary>Takes up to <paramref name="pageSize"/> items from <paramref name="entries"/>, which are in key order after the marker.</summary>
    public static ListingPage<T> Take(IEnumerable<T> entries, Func<T, string> keyOf, string prefix, string delimiter, string keyMarker, int pageSize)
    {
        var page = new ListingPage<T>();
        string? lastPrefix = null;
        foreach (var entry in entries)
        {
            string? common = null;
            var key = keyOf(entry);
            if (delimiter.Length > 0 && key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal) is var at and >= 0)
            {
                common = key[..(at + delimiter.Length)];
                if (common == keyMarker || common == lastPrefix)
                {
                    continue;
                }
            }

            if (page.Items.Count == pageSize)
            {
                page.IsTruncated = true;
                break;
            }

            page.Items.Add((common is null ? entry : default, common));
            lastPrefix = common ?? lastPrefix;
        }

        return page;
    }
}
