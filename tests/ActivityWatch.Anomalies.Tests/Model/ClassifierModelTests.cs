using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ActivityWatch.Anomalies.Tests.Model;

/// <summary>The classifiers read out of ML.NET score exactly as ML.NET does, and survive a save and load.</summary>
public class ClassifierModelTests
{
    private sealed class Scored
    {
        public float Score { get; set; }
    }

    private static List<LabelledRow> Rows(int seed)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>();
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 4_000; i++)
        {
            var attack = i % 20 == 0;
            var vector = new float[FeatureNames.Count];
            for (var f = 0; f < vector.Length; f++) vector[f] = random.NextDouble() < 0.1 ? (float)random.NextDouble() : 0;
            if (attack) vector[FeatureNames.IndexOf(FeatureNames.GuardrailDisabled)] = 1;
            rows.Add(new LabelledRow($"p{i % 40}", start.AddHours(i / 10.0), vector, attack));
        }
        return rows;
    }

    [Theory]
    [InlineData(AnomalyModel.FastTree)]
    [InlineData(AnomalyModel.Logistic)]
    public void Classifier_ScoresLikeMlNet_AndLoadsBack(string algorithm)
    {
        var rows = Rows(1);
        var trained = new ClassifierTrainer(new TrainerSettings { Trees = 20 }).Train(rows, Rows(2), "test", algorithm);
        var dir = Directory.CreateTempSubdirectory("aw-classifier-").FullName;
        try
        {
            var path = trained.Save(dir);
            var loaded = ModelFiles.Load(new MLContext(), path);
            var data = FeatureRow.Load(trained.Ml, rows.Take(300).Select(r => r.Vector));
            var mlNet = trained.Ml.Data.CreateEnumerable<Scored>(trained.Transformer.Transform(data), reuseRowObject: false).Select(s => s.Score).ToList();

            Assert.Equal(algorithm, loaded.Card.Algorithm);
            for (var i = 0; i < mlNet.Count; i++)
            {
                Assert.Equal(mlNet[i], trained.Model.Score(rows[i].Vector), 3);
                Assert.Equal(mlNet[i], loaded.Score(rows[i].Vector), 3);
            }
            var attack = rows.First(r => r.Attack).Vector;
            var parts = new float[FeatureNames.Count];
            loaded.Contributions(attack, parts);
            Assert.Equal(FeatureNames.IndexOf(FeatureNames.GuardrailDisabled), Array.IndexOf(parts, parts.Max()));
            Assert.True(loaded.Score(attack) > rows.Where(r => !r.Attack).Average(r => loaded.Score(r.Vector)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
