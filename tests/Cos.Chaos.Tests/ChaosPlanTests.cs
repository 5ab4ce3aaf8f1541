using Cos.Chaos.Tests.Plans;

namespace Cos.Chaos.Tests;

/// <summary>What replaying a seed relies on: a seed draws one plan and one set of bytes, always.</summary>
public sealed class ChaosPlanTests
{
    [Fact]
    public void A_seed_always_draws_the_same_plan_and_data()
    {
        foreach (var seed in new[] { 1, 7, 1234, 99_999 })
        {
            var first = ChaosPlan.Draw(seed);
            var again = ChaosPlan.Draw(seed);

            again.ToString().ShouldBe(first.ToString());
            again.CreateData().ShouldBe(first.CreateData());
        }
    }

    [Fact]
    public void The_CI_seeds_cover_every_scenario_and_every_fault_kind()
    {
        var plans = ChaosSettings.CiSeeds.Select(ChaosPlan.Draw).ToList();

        plans.Select(p => p.Scenario).Distinct().Order().ShouldBe(Enum.GetValues<ScenarioKind>());
        plans.SelectMany(p => p.Faults).Select(f => f.Kind).Distinct().Order().ShouldBe(Enum.GetValues<FaultKind>());
        var lostAnswers = plans.SelectMany(p => p.Faults).Where(f => f.Kind == FaultKind.LoseResponse).Select(f => f.Operation).ToList();
        lostAnswers.ShouldContain("InitiateMultipartUpload");
        lostAnswers.ShouldContain("CompleteMultipartUpload");
    }
}
