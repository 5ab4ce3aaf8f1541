namespace Cos.Chaos.Tests.Plans;

/// <summary>The faults of issue #10, each a way the network or the server misbehaves.</summary>
internal enum FaultKind
{
    /// <summary>A 5xx answer instead of the operation (500 InternalError, 502, 503 SlowDown).</summary>
    ServerError,

    /// <summary>The connection is reset after some bytes of the request body (uploads) or of the response body.</summary>
    ResetMidBody,

    /// <summary>The server stops reading the request body after some bytes, connection left open.</summary>
    StallRequest,

    /// <summary>The server stops sending the response body after some bytes, connection left open.</summary>
    StallResponse,

    /// <summary>The server reads the request and never answers.</summary>
    NeverAnswer,

    /// <summary>Bodies trickle at a few bytes a second.</summary>
    SlowDrip,

    /// <summary>The operation takes effect, its answer is lost (Initiate, Complete, …).</summary>
    LoseResponse,

    /// <summary>The server clock jumps forward or back.</summary>
    ClockJump,

    /// <summary>The temporary key in use expires early; the client must get the next one from its provider.</summary>
    ExpireCredentials,

    /// <summary>The uploading process is killed with SIGKILL (the kill-and-resume scenario).</summary>
    Kill,
}
