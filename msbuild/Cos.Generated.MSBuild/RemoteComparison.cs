namespace Cos.Generated.MSBuild;

/// <summary>How the remote object compares with the local file.</summary>
internal enum RemoteState
{
    /// <summary>No object at the key (404).</summary>
    Missing,

    /// <summary>Same size and the same CRC-64 (or MD5 ETag): the upload can be skipped.</summary>
    Unchanged,

    /// <summary>An object with other content (or nothing to compare it by).</summary>
    Changed,

    /// <summary>The object could not be checked (HEAD denied or failed); <see cref="RemoteComparison.Problem"/> says why.</summary>
    Unknown,
}

/// <summary>The result of comparing one file with the object at its key.</summary>
/// <param name="State">What the comparison found.</param>
/// <param name="ETag">The remote ETag, when there is an object.</param>
/// <param name="Crc64">The remote CRC-64, when COS reported one.</param>
/// <param name="Problem">Why the object could not be checked (<see cref="RemoteState.Unknown"/>).</param>
internal sealed record RemoteComparison(RemoteState State, string? ETag = null, ulong? Crc64 = null, string? Problem = null);
