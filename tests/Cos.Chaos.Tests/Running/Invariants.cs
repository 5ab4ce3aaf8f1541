using System.Security.Cryptography;

namespace Cos.Chaos.Tests.Running;

/// <summary>
/// The checks every run ends with, read straight from the emulator's store and the file system (never through the
/// client under test): objects byte-identical by SHA-256, no multipart upload left, no partial file left.
/// </summary>
internal static class Invariants
{
    /// <summary>
    /// The object at <paramref name="key"/>, if there is one, must be exactly <paramref name="expected"/> — whether the
    /// call succeeded or not (a failed call may still have committed it, never something else). After a success it
    /// must exist.
    /// </summary>
    public static async Task ObjectIsIntactAsync(ChaosContext context, string key, byte[] expected, bool mustExist)
    {
        var stored = await ReadObjectAsync(context, key);
        if (stored is null)
        {
            if (mustExist)
            {
                context.Violation(ViolationKind.Corruption, $"the call succeeded but '{key}' does not exist");
                context.BytesCorrupted += expected.Length;
            }

            return;
        }

        SameBytes(context, $"object '{key}'", stored, expected);
    }

    /// <summary><paramref name="actual"/> must be <paramref name="expected"/>; the differing bytes are counted as corrupted.</summary>
    public static bool SameBytes(ChaosContext context, string what, byte[] actual, byte[] expected)
    {
        if (SHA256.HashData(actual).AsSpan().SequenceEqual(SHA256.HashData(expected)))
        {
            return true;
        }

        var differing = DifferingBytes(actual, expected);
        context.BytesCorrupted += differing;
        context.Violation(ViolationKind.Corruption, $"{what} is corrupt: {differing} of {expected.Length} bytes differ ({actual.Length} bytes, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(actual))[..16]}…)");
        return false;
    }

    /// <summary>No multipart upload of <paramref name="key"/> may be left (the call was told to abort on failure).</summary>
    public static void NoUploadsLeft(ChaosContext context, string key)
    {
        var left = context.Emulator.Store.ListUploads(ChaosContext.Bucket).Where(u => u.Key == key).ToList();
        if (left.Count > 0)
        {
            context.Orphans += left.Count;
            context.Violation(ViolationKind.Orphan, $"{left.Count} multipart upload(s) of '{key}' left on the server ({string.Join(", ", left.Select(u => $"{u.UploadId} with {u.Parts.Count} part(s)"))})");
        }
    }

    /// <summary><paramref name="directory"/> must hold no file (checkpoints, partial downloads).</summary>
    public static void NoFilesLeft(ChaosContext context, string directory, string what)
    {
        if (Directory.Exists(directory) && Directory.GetFiles(directory, "*", SearchOption.AllDirectories) is { Length: > 0 } files)
        {
            context.Violation(ViolationKind.PartialFile, $"{what} left behind: {string.Join(", ", files.Select(Path.GetFileName))}");
        }
    }

    /// <summary>Positions that differ, plus the difference in length.</summary>
    public static long DifferingBytes(byte[] actual, byte[] expected)
    {
        var common = Math.Min(actual.Length, expected.Length);
        long differing = Math.Abs(actual.Length - expected.Length);
        for (var i = 0; i < common; i++)
        {
            if (actual[i] != expected[i])
            {
                differing++;
            }
        }

        return differing;
    }

    private static async Task<byte[]?> ReadObjectAsync(ChaosContext context, string key)
    {
        if (context.Emulator.Store.OpenObject(ChaosContext.Bucket, key) is not { } opened)
        {
            return null;
        }

        await using var content = opened.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }
}
