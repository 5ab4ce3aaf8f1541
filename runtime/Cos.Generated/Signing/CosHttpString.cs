using System.Text;

namespace Cos.Generated.Signing;

/// <summary>Which headers a HttpString signs.</summary>
internal enum HeaderSelection
{
    /// <summary>Signable names with a non-empty value: what a request path signs (empty headers are sent unsigned).</summary>
    SignableNonEmpty,

    /// <summary>Signable names, empty values signed as <c>name=</c>: the static <c>COS.getAuthorization</c>.</summary>
    Signable,

    /// <summary>Every header given: a server rebuilding the HttpString of a received <c>q-header-list</c>.</summary>
    All,
}

/// <summary>A signed parameter or header: where its <c>lower(enc(name))</c> is and which input pair it came from.</summary>
internal struct SignedName
{
    /// <summary>Index in the query or header span; <c>-1</c> for the extra (derived Host) header.</summary>
    public int Source;
    public int NameStart;
    public int NameLength;
}

/// <summary>
/// Writes the UTF-8 HttpString <c>m\npath\npairs(query)\npairs(headers)\n</c> (cos-protocol.md §3)
/// into caller-provided buffers, without allocating. Both parameter and header pairs are sorted
/// ordinally by <c>lower(enc(name))</c>, the documented rule (the Node SDK sorts the HttpString
/// parameter line by the raw name, which only differs for names with encoded characters).
/// </summary>
internal static class CosHttpString
{
    /// <summary>
    /// Writes the HttpString into <paramref name="destination"/> and returns its length, or -1 when
    /// <paramref name="destination"/> or <paramref name="names"/> is too small (see <see cref="MaxLength"/>).
    /// On success <paramref name="signed"/> holds the sorted query names, then the sorted header names.
    /// </summary>
    public static int Write(
        ReadOnlySpan<char> method,
        ReadOnlySpan<char> pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers,
        KeyValuePair<string, string?>? extraHeader,
        HeaderSelection selection,
        Span<byte> destination,
        Span<byte> names,
        Span<SignedName> signed,
        out int queryCount,
        out int headerCount)
    {
        queryCount = headerCount = 0;
        var namesLength = 0;

        // 1. Encode and lower-case the names of the signed pairs, then sort them.
        for (var i = 0; i < query.Length; i++)
        {
            if (!AddName(query[i].Key, i, names, ref namesLength, signed, queryCount))
            {
                return -1;
            }

            queryCount++;
        }

        SortByName(signed[..queryCount], names);

        var headerSigned = signed[queryCount..];
        for (var i = 0; i < headers.Length; i++)
        {
            if (selection == HeaderSelection.SignableNonEmpty && string.IsNullOrEmpty(headers[i].Value))
            {
                continue;
            }

            if (!AddName(headers[i].Key, i, names, ref namesLength, headerSigned, headerCount))
            {
                return -1;
            }

            var added = headerSigned[headerCount];
            if (selection == HeaderSelection.All || IsSignableHeaderName(names.Slice(added.NameStart, added.NameLength)))
            {
                headerCount++;
            }
            else
            {
                namesLength = added.NameStart; // not signed: forget the name
            }
        }

        if (extraHeader is { } extra)
        {
            if (!AddName(extra.Key, -1, names, ref namesLength, headerSigned, headerCount))
            {
                return -1;
            }

            headerCount++;
        }

        SortByName(headerSigned[..headerCount], names);

        // 2. m \n path \n
        var written = WriteMethod(method, destination);
        if (written < 0 || !TryWriteByte(destination, ref written, (byte)'\n'))
        {
            return -1;
        }

        if (pathname.IsEmpty || pathname[0] != '/')
        {
            if (!TryWriteByte(destination, ref written, (byte)'/'))
            {
                return -1;
            }
        }

        if (!Encoding.UTF8.TryGetBytes(pathname, destination[written..], out var pathLength))
        {
            return -1;
        }

        written += pathLength;

        // 3. pairs(query) \n pairs(headers) \n
        if (!TryWriteByte(destination, ref written, (byte)'\n')
            || !WritePairs(signed[..queryCount], names, query, default, destination, ref written)
            || !TryWriteByte(destination, ref written, (byte)'\n')
            || !WritePairs(headerSigned[..headerCount], names, headers, extraHeader, destination, ref written)
            || !TryWriteByte(destination, ref written, (byte)'\n'))
        {
            return -1;
        }

        return written;
    }

    /// <summary>An upper bound of every buffer <see cref="Write"/> needs: bytes of HttpString, bytes of names, names.</summary>
    public static (int HttpString, int Names, int Count) MaxLength(
        ReadOnlySpan<char> method,
        ReadOnlySpan<char> pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers,
        KeyValuePair<string, string?>? extraHeader)
    {
        long nameChars = 0, valueChars = 0;
        foreach (var (name, value) in query)
        {
            nameChars += name.Length;
            valueChars += value?.Length ?? 0;
        }

        foreach (var (name, value) in headers)
        {
            nameChars += name.Length;
            valueChars += value?.Length ?? 0;
        }

        if (extraHeader is { } extra)
        {
            nameChars += extra.Key.Length;
            valueChars += extra.Value?.Length ?? 0;
        }

        var count = query.Length + headers.Length + 1;
        var names = nameChars * CosUrlEncoding.MaxEncodedBytesPerChar;
        var total = ((method.Length + pathname.Length) * 3L) + 8 + (2L * count) + names + (valueChars * CosUrlEncoding.MaxEncodedBytesPerChar);
        return (checked((int)total), checked((int)names), count);
    }

    /// <summary>True when COS signs a header of this name: <c>x-cos-*</c>, <c>x-ci-*</c>, content and conditional headers, Host.</summary>
    public static bool IsSignableHeaderName(ReadOnlySpan<char> name)
    {
        Span<byte> lower = stackalloc byte[64];
        var length = name.Length <= 64 && Ascii.ToLower(name, lower, out var written) == System.Buffers.OperationStatus.Done
            ? written
            : CosUrlEncoding.EncodeToUtf8(name, lower = new byte[name.Length * CosUrlEncoding.MaxEncodedBytesPerChar], keepSlash: false, lowerCase: true);
        return IsSignableHeaderName(lower[..length]);
    }

    /// <summary>
    /// The same test on <c>lower(enc(name))</c>, which the signer has at hand: encoding leaves the
    /// letters and <c>-</c> of every signable name unchanged and cannot create them.
    /// </summary>
    public static bool IsSignableHeaderName(ReadOnlySpan<byte> lowerName)
    {
        if (lowerName.IndexOf("x-cos-"u8) >= 0 || lowerName.IndexOf("x-ci-"u8) >= 0)
        {
            return true;
        }

        return lowerName.Length switch
        {
            4 => lowerName.SequenceEqual("host"u8),
            5 => lowerName.SequenceEqual("range"u8),
            6 => lowerName.SequenceEqual("expect"u8) || lowerName.SequenceEqual("origin"u8),
            7 => lowerName.SequenceEqual("expires"u8),
            8 => lowerName.SequenceEqual("if-match"u8),
            11 => lowerName.SequenceEqual("content-md5"u8),
            12 => lowerName.SequenceEqual("content-type"u8),
            13 => lowerName.SequenceEqual("cache-control"u8) || lowerName.SequenceEqual("if-none-match"u8),
            14 => lowerName.SequenceEqual("content-length"u8) || lowerName.SequenceEqual("pic-operations"u8),
            16 => lowerName.SequenceEqual("content-encoding"u8),
            17 => lowerName.SequenceEqual("if-modified-since"u8) || lowerName.SequenceEqual("transfer-encoding"u8),
            19 => lowerName.SequenceEqual("content-disposition"u8) || lowerName.SequenceEqual("if-unmodified-since"u8),
            _ => false,
        };
    }

    private static bool AddName(string name, int source, Span<byte> names, ref int namesLength, Span<SignedName> signed, int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        var length = CosUrlEncoding.EncodeToUtf8(name, names[namesLength..], keepSlash: false, lowerCase: true);
        if (length < 0 || index >= signed.Length)
        {
            return false;
        }

        signed[index] = new SignedName { Source = source, NameStart = namesLength, NameLength = length };
        namesLength += length;
        return true;
    }

    /// <summary>Stable binary insertion sort: the lists are short, and equal names keep their input order.</summary>
    private static void SortByName(Span<SignedName> signed, ReadOnlySpan<byte> names)
    {
        for (var i = 1; i < signed.Length; i++)
        {
            var item = signed[i];
            var key = names.Slice(item.NameStart, item.NameLength);
            int low = 0, high = i;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (names.Slice(signed[middle].NameStart, signed[middle].NameLength).SequenceCompareTo(key) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            if (low < i)
            {
                signed[low..i].CopyTo(signed[(low + 1)..]);
                signed[low] = item;
            }
        }
    }

    private static int WriteMethod(ReadOnlySpan<char> method, Span<byte> destination)
    {
        if (Ascii.ToLower(method, destination, out var written) == System.Buffers.OperationStatus.Done)
        {
            return written;
        }

        // Not ASCII (or too long): lower-case as JavaScript would, then UTF-8.
        var lower = method.ToString().ToLowerInvariant();
        return Encoding.UTF8.TryGetBytes(lower, destination, out written) ? written : -1;
    }

    private static bool WritePairs(
        ReadOnlySpan<SignedName> signed,
        ReadOnlySpan<byte> names,
        ReadOnlySpan<KeyValuePair<string, string?>> pairs,
        KeyValuePair<string, string?>? extra,
        Span<byte> destination,
        ref int written)
    {
        for (var i = 0; i < signed.Length; i++)
        {
            if (i > 0 && !TryWriteByte(destination, ref written, (byte)'&'))
            {
                return false;
            }

            var name = names.Slice(signed[i].NameStart, signed[i].NameLength);
            if (!name.TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += name.Length;
            if (!TryWriteByte(destination, ref written, (byte)'='))
            {
                return false;
            }

            var value = signed[i].Source >= 0 ? pairs[signed[i].Source].Value : extra!.Value.Value;
            var valueLength = CosUrlEncoding.EncodeToUtf8(value, destination[written..], keepSlash: false, lowerCase: false);
            if (valueLength < 0)
            {
                return false;
            }

            written += valueLength;
        }

        return true;
    }

    private static bool TryWriteByte(Span<byte> destination, ref int written, byte value)
    {
        if ((uint)written >= (uint)destination.Length)
        {
            return false;
        }

        destination[written++] = value;
        return true;
    }
}
