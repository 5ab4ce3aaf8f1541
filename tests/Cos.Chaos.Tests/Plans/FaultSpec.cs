using System.Globalization;
using Cos.Emulator.Faults;

namespace Cos.Chaos.Tests.Plans;

/// <summary>
/// One drawn fault: what it does, to which COS operation, how often. Printed with the seed so a failing run can be
/// read without replaying it; turned into an emulator <see cref="FaultRule"/> (or, for <see cref="FaultKind.Kill"/>,
/// into the kill point of the kill-and-resume scenario).
/// </summary>
internal sealed record FaultSpec
{
    public required FaultKind Kind { get; init; }

    /// <summary>The COS operation it targets (<c>UploadPart</c>, …).</summary>
    public required string Operation { get; init; }

    /// <summary>Fires on every n-th matching request.</summary>
    public int EveryNth { get; init; } = 1;

    /// <summary>Fires at most this many times; null: on every matching request (a persistent fault).</summary>
    public int? Times { get; init; }

    /// <summary>Only this part (UploadPart, UploadPartCopy); null: any.</summary>
    public int? PartNumber { get; init; }

    /// <summary><see cref="FaultKind.ServerError"/>: the status and error code.</summary>
    public int Status { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Reset, stall: after this many body bytes. Kill: after this many parts are on the server (-1: while Complete is held).</summary>
    public long Bytes { get; init; }

    /// <summary><see cref="FaultKind.SlowDrip"/>: the rate.</summary>
    public long BytesPerSecond { get; init; }

    /// <summary><see cref="FaultKind.ClockJump"/>: by how much.</summary>
    public TimeSpan Jump { get; init; }

    public FaultRule ToRule() => Kind == FaultKind.Kill
        ? throw new InvalidOperationException("A kill is not an emulator fault rule: the kill-and-resume scenario carries it out.")
        : new FaultRule
        {
            Operation = Operation,
            EveryNth = EveryNth,
            Times = Times,
            PartNumber = PartNumber,
            Status = Kind == FaultKind.ServerError ? Status : null,
            ErrorCode = Kind == FaultKind.ServerError ? ErrorCode : null,
            ResetConnectionAfterBytes = Kind == FaultKind.ResetMidBody ? Bytes : null,
            StallRequestAfterBytes = Kind == FaultKind.StallRequest ? Bytes : null,
            StallResponseAfterBytes = Kind == FaultKind.StallResponse ? Bytes : null,
            NeverAnswer = Kind == FaultKind.NeverAnswer,
            BandwidthBytesPerSecond = Kind == FaultKind.SlowDrip ? BytesPerSecond : null,
            LoseResponse = Kind == FaultKind.LoseResponse,
            ClockJump = Kind == FaultKind.ClockJump ? Jump : null,
            ExpireCredentials = Kind == FaultKind.ExpireCredentials,
        };

    public override string ToString()
    {
        var what = Kind switch
        {
            FaultKind.ServerError => $"{Status} {ErrorCode}",
            FaultKind.ResetMidBody => $"reset after {Bytes} B",
            FaultKind.StallRequest => $"stop reading after {Bytes} B",
            FaultKind.StallResponse => $"stop sending after {Bytes} B",
            FaultKind.NeverAnswer => "never answer",
            FaultKind.SlowDrip => $"drip {BytesPerSecond} B/s",
            FaultKind.LoseResponse => "lose the answer",
            FaultKind.ClockJump => $"clock {(Jump < TimeSpan.Zero ? "-" : "+")}{Jump.Duration().TotalMinutes:0} min",
            FaultKind.ExpireCredentials => "expire the temporary key",
            FaultKind.Kill => Bytes < 0 ? "kill -9 while Complete is held" : $"kill -9 with {Bytes} part(s) on the server",
            _ => Kind.ToString(),
        };
        var target = PartNumber is { } part ? $"{Operation} part {part}" : Operation;
        var often = (EveryNth == 1 ? string.Empty : $", every {Ordinal(EveryNth)}") + (Times is { } times ? $", {times}x" : ", always");
        return string.Create(CultureInfo.InvariantCulture, $"{Kind}({target}: {what}{often})");
    }

    private static string Ordinal(int n) => n switch { 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
