namespace Cos.Emulator.Faults;

/// <summary>
/// The COS API's wall clock: <see cref="CosEmulatorOptions.TimeProvider"/> plus the jumps fault rules made
/// (<see cref="FaultRule.ClockJump"/>), as a server whose clock was stepped by NTP or a resumed VM. Only the wall
/// clock jumps: timestamps and timers stay monotonic, so delays and throttling are not disturbed. Thread-safe.
/// </summary>
internal sealed class JumpingClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock has jumped in all, forward (positive) or back.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
