using Cos.Chaos.Tests.Plans;
using Cos.Chaos.Tests.Running;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>One public client call under faults: set up, make the call, check the invariants.</summary>
internal interface IChaosScenario
{
    /// <summary>Creates what the call needs (source objects, files) before any fault is armed.</summary>
    Task PrepareAsync(ChaosContext context);

    /// <summary>The call under test; <paramref name="cancellationToken"/> is canceled only by the watchdog.</summary>
    Task ActAsync(ChaosContext context, CancellationToken cancellationToken);

    /// <summary>Once the call is over and the faults are cleared: records every invariant that does not hold.</summary>
    Task CheckAsync(ChaosContext context, bool succeeded);

    public static IChaosScenario For(ScenarioKind kind) => kind switch
    {
        ScenarioKind.UploadFile => new UploadFileScenario(),
        ScenarioKind.UploadStream => new UploadStreamScenario(),
        ScenarioKind.DownloadFile => new DownloadFileScenario(),
        ScenarioKind.Copy => new CopyScenario(),
        ScenarioKind.PutObject => new PutObjectScenario(),
        ScenarioKind.GetObject => new GetObjectScenario(),
        ScenarioKind.GetBucket => new GetBucketScenario(),
        ScenarioKind.KillAndResume => new KillAndResumeScenario(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
