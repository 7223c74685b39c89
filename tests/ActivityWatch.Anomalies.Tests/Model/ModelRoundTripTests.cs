using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Tests.Support;
using Microsoft.ML;

namespace ActivityWatch.Anomalies.Tests.Model;

public class ModelRoundTripTests(TrainedOnSimulation model) : IClassFixture<TrainedOnSimulation>
{
    [Fact]
    public void SavedModel_LoadsBack_WithItsCard_AndScoresIdentically()
    {
        var dir = Directory.CreateTempSubdirectory("aw-model-").FullName;
        try
        {
            var path = model.Trained.Save(dir);

            var loaded = ModelFiles.Load(new MLContext(), path);

            Assert.True(File.Exists(Path.Combine(dir, ModelFiles.CardName)));
            Assert.Equal(FeatureNames.All, loaded.Card.Features);
            Assert.Equal(model.Trained.Model.Card.Threshold, loaded.Card.Threshold);
            Assert.Equal(model.Trained.Model.Rank, loaded.Rank);
            foreach (var row in model.Set.Rows.Take(500))
                Assert.Equal(model.Trained.Model.Score(row.Vector), loaded.Score(row.Vector), 5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ModelCard_RecordsTrainingWindowThresholdAndMetrics()
    {
        var card = model.Trained.Model.Card;

        Assert.Equal("RandomizedPca", card.Algorithm);
        Assert.NotNull(card.TrainedFrom);
        Assert.True(card.TrainedUntil > card.TrainedFrom);
        Assert.Equal(model.Set.Records, card.TrainingRecords);
        Assert.True(card.Threshold > 0);
        Assert.Contains("scoreP99", card.Metrics.Keys);
        // The calibrated threshold leaves almost every benign training record below it.
        Assert.True(card.Metrics["trainingRowsOverThreshold"] <= model.Set.Rows.Count / 1000.0);
    }
}
