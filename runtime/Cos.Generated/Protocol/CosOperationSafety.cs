namespace Cos.Generated.Protocol;

/// <summary>How safe an operation is to repeat; decides which failures the pipeline retries.</summary>
public enum CosOperationSafety
{
    /// <summary>Has no side effects (GET, HEAD, listings).</summary>
    ReadOnly,

    /// <summary>Repeating it has the same effect as doing it once (PUT of the same bytes, DELETE).</summary>
    Idempotent,

    /// <summary>Safe to repeat only in some states (append at a position, restore).</summary>
    Conditional,

    /// <summary>Never repeated once the request may have reached the server (initiate, complete).</summary>
    Unsafe,
}
