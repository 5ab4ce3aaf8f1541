using System.IO.Compression;
using System.Text;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>Searches a binlog (a gzip stream) for a string, as UTF-8 and as UTF-16, the two ways it stores text.</summary>
public static class BinlogSearch
{
    public static byte[] Decompress(string binlogPath)
    {
        using var file = File.OpenRead(binlogPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static bool Contains(byte[] log, string text) =>
        log.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || log.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
