using ActivityWatch.Simulation.Estate;
using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Anomalies.Tests.Evaluation;

public class SmallEvaluationTests
{
    [Fact]
    public async Task SmallEstate_Harness_MeasuresEveryClass_WithFewerFalseAlertsThanTheBaseline()
    {
        // Small enough for CI: the numbers that matter come from `model evaluate` (ml-models/evaluation.md); this checks the
        // harness end to end and the ordering that holds even on a tiny estate with little history.
        var settings = new EvaluationSettings { Seeds = [5], People = 12, TrainDays = 9, TestDays = 5, AttacksPerKind = 2, Classifiers = false };

        var (result, model) = await EvaluationHarness.RunAsync(settings);

        var pca = result.Seeds[0][EvaluationHarness.Pca];
        var baseline = result.Seeds[0][EvaluationHarness.Rarity];
        var report = EvaluationReport.Markdown(result);
        Assert.Equal(2 * EstateAttackKinds.All.Count, pca.Injected);
        Assert.True(pca.Detected > 0, report);
        Assert.True(pca.FalseAlerts < baseline.FalseAlerts, report);
        Assert.True(pca.Precision > baseline.Precision, report);
        Assert.Contains("| leaked-key-from-cloud |", report);
        Assert.Equal(EvaluationHarness.Pca, result.Picked);
        Assert.Equal("RandomizedPca", model.Model.Card.Algorithm);
    }
}
