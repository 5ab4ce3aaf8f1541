using Cos.Generated.Transfer;

namespace Cos.Generated.Tests.Transfer;

public sealed class ProgressThrottleTests
{
    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(0, 100, 0.0)]
    [InlineData(999, 1000, 0.99)]
    [InlineData(1000, 1000, 1.0)]
    public void Percent_is_rounded_down_to_hundredths_like_the_JavaScript_SDK(long loaded, long total, double percent) =>
        new CosTransferProgress(loaded, total, 0).Percent.ShouldBe(percent);

    [Fact]
    public void Percent_is_unknown_without_a_total() => new CosTransferProgress(5, null, 0).Percent.ShouldBeNull();

    [Fact]
    public void Reports_at_most_once_per_interval_and_always_on_flush()
    {
        var clock = new ManualClock();
        var reports = new List<CosTransferProgress>();
        var throttle = new ProgressThrottle(new SyncProgress(reports), 1000, TimeSpan.FromSeconds(1), clock);

        throttle.Add(100);             // first report
        throttle.Add(100);             // within the interval: none
        clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Add(100);             // interval passed: report
        throttle.Flush();              // always

        reports.Select(r => r.Loaded).ShouldBe([100, 300, 300]);
        reports[1].BytesPerSecond.ShouldBe(300);
    }

    private sealed class SyncProgress(List<CosTransferProgress> reports) : IProgress<CosTransferProgress>
    {
        public void Report(CosTransferProgress value) => reports.Add(value);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
