namespace Cos.Emulator.Faults;

/// <summary>What a fired rule leaves for the request handler to do.</summary>
internal enum FaultEffect
{
    /// <summary>Handle the request as usual (the rule only delayed, throttled, wrapped a body or changed state).</summary>
    None,

    /// <summary>The fault answered (or dropped) the request: nothing more to do.</summary>
    Answered,

    /// <summary>Handle the request as usual, then drop the connection instead of answering (<see cref="FaultRule.LoseResponse"/>).</summary>
    LoseResponse,
}
