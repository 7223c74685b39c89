using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Training;
using Microsoft.ML;

namespace ActivityWatch.Anomalies.Tests.Model;

/// <summary>
/// The attack-class model (multinomial logistic regression): its margins are ML.NET's log-odds of each
/// class against benign, it survives a save and load, names the class it saw, and alerts at 0.
/// </summary>
public class AttackClassModelTests
{
    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }

    private static readonly int Guardrail = FeatureNames.IndexOf(FeatureNames.GuardrailDisabled);
    private static readonly int KeyFromCloud = FeatureNames.IndexOf(FeatureNames.KeyFromCloud);

    /// <summary>Benign noise; two attack classes, each with its own signal and several attacks of a few records.</summary>
    private static List<LabelledRow> Rows(int seed)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>();
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 4_000; i++)
        {
            var vector = new float[FeatureNames.Count];
            for (var f = 0; f < vector.Length; f++) vector[f] = random.NextDouble() < 0.1 ? (float)random.NextDouble() : 0;
            vector[Guardrail] = vector[KeyFromCloud] = 0;
            string? kind = (i % 40) switch { 0 => "guardrail", 20 => "leaked-key", _ => null };
            if (kind == "guardrail") vector[Guardrail] = 1;
            if (kind == "leaked-key") vector[KeyFromCloud] = 1;
            var principal = $"p{i % 40}";
            rows.Add(new LabelledRow(principal, start.AddHours(i / 10.0), vector, kind is not null, kind is null ? null : $"{kind}-{i / 200}", kind));
        }
        return rows;
    }

    [Fact]
    public void AttackClassModel_MarginsAreMlNetsLogOdds_NamesTheClass_AndLoadsBack()
    {
        var rows = Rows(1);
        var trained = new ClassifierTrainer(new TrainerSettings()).Train(rows, Rows(2), "test", AnomalyModel.AttackClasses);
        var dir = Directory.CreateTempSubdirectory("aw-classes-").FullName;
        try
        {
            var path = trained.Save(dir);
            var loaded = ModelFiles.Load(new MLContext(), path);
            var card = loaded.Card;
            Assert.Equal(AnomalyModel.AttackClasses, card.Algorithm);
            Assert.Equal(["benign", "guardrail", "leaked-key"], card.Classes);
            Assert.Equal(["guardrail", "leaked-key"], loaded.Classes);
            Assert.Equal(0, card.Threshold);

            var data = FeatureRow.Load(trained.Ml, rows.Take(300).Select(r => r.Vector));
            var probabilities = trained.Ml.Data.CreateEnumerable<Scored>(trained.Transformer.Transform(data), reuseRowObject: false).Select(s => s.Score).ToList();
            for (var i = 0; i < probabilities.Count; i++)
            {
                var margins = loaded.ClassMargins(rows[i].Vector);
                for (var c = 1; c < 3; c++)
                    Assert.Equal(Math.Log(probabilities[i][c] / probabilities[i][0]), margins[c - 1], 2);
            }

            var guardrail = rows.First(r => r.Kind == "guardrail").Vector;
            var key = rows.First(r => r.Kind == "leaked-key").Vector;
            Assert.Equal("guardrail", loaded.ClassOf(guardrail));
            Assert.Equal("leaked-key", loaded.ClassOf(key));
            Assert.True(loaded.Score(guardrail) >= 0 && loaded.Score(key) >= 0, "each class's attacks pass its threshold");
            var parts = new float[FeatureNames.Count];
            loaded.Contributions(guardrail, parts);
            Assert.Equal(Guardrail, Array.IndexOf(parts, parts.Max()));
            Assert.True(rows.Where(r => !r.Attack).Count(r => loaded.Score(r.Vector) >= 0) <= 2, "benign noise stays under the thresholds");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Instances_AreEachAttacksAndEachBenignDaysBestRecords()
    {
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        LabelledRow Row(string principal, int hour, float value, string? scenario)
        {
            var vector = new float[FeatureNames.Count];
            vector[0] = value;
            return new LabelledRow(principal, start.AddHours(hour), vector, scenario is not null, scenario);
        }
        var rows = new List<LabelledRow>
        {
            Row("a", 0, 0.1f, null), Row("a", 1, 0.9f, null), Row("a", 2, 0.5f, null), Row("a", 30, 0.2f, null),
            Row("b", 0, 0.3f, "x"), Row("b", 1, 0.8f, "x"), Row("b", 40, 0.7f, "x"),
        };

        var chosen = Instances.Best(rows, v => v[0], perAttack: 2, perBenignDay: 1);

        Assert.Equal([0.9f, 0.2f], chosen.Where(r => !r.Attack).Select(r => r.Vector[0]).OrderDescending());
        Assert.Equal([0.8f, 0.7f], chosen.Where(r => r.Attack).Select(r => r.Vector[0]).OrderDescending());
        var copies = Instances.WithoutOneSignal([1f, 0.6f, 0.1f]).ToList();
        Assert.Equal(3, copies.Count);
        Assert.Equal([0f, 0.6f, 0.1f], copies[1]);
        Assert.Single(Instances.WithoutOneSignal([1f, 0.2f]));
    }
}
