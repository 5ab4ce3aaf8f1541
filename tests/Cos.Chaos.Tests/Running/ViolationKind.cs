namespace Cos.Chaos.Tests.Running;

/// <summary>The invariants a run can break, as the figures count them.</summary>
internal enum ViolationKind
{
    /// <summary>The call did not return within the watchdog.</summary>
    Hang,

    /// <summary>The call failed with an exception that is not a clear, expected one.</summary>
    UnclearFailure,

    /// <summary>An object, file, body or listing the call reported as good is not what it should be.</summary>
    Corruption,

    /// <summary>A multipart upload was left on the server though the call was to abort it.</summary>
    Orphan,

    /// <summary>A half-written destination, or a partial file or checkpoint left behind.</summary>
    PartialFile,

    /// <summary>After a kill or a failed resumable download, the next call did not pick up the work already done.</summary>
    NotResumed,
}
