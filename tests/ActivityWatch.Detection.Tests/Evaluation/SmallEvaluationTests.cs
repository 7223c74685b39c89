using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Detection.Tests.Evaluation;

public class SmallEvaluationTests
{
    [Fact]
    public async Task FixedSeed_SmallOrganisation_DetectsInjectedAttacks_WithFewFalseAlerts()
    {
        var settings = new EvaluationSettings { Seed = 5, People = 12, TrainDays = 10, TestDays = 5, AttacksPerKind = 1 };

        var (result, _) = await EvaluationHarness.RunAsync(settings);

        Assert.Equal(7, result.Ml.Injected);
        Assert.True(result.Ml.Recall >= 0.85, EvaluationReport.Markdown(result));
        Assert.True(result.Ml.FalseAlertsPerThousandPrincipalDays <= 5, EvaluationReport.Markdown(result));
        Assert.True(result.Ml.Recall >= result.Baseline.Recall, EvaluationReport.Markdown(result));
    }
}
