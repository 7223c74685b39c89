using System.Diagnostics;
using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Simulation;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// scripts/bench-ml.sh: scoring throughput (features from profiles + model + explanation for
/// anomalies, the live scorer's per-record work without PostgreSQL) and training time at scale.
/// Generated records are parsed once; training at 10M replays them as copies under distinct
/// principal names, because generating and parsing 10M records would measure the generator.
/// </summary>
public static class ModelBenchmark
{
    public static async Task RunAsync(int baseRecords, long trainRecords, TextWriter output, CancellationToken ct)
    {
        var options = ActivitySimulator.ScaledTo(new SimulationOptions { Days = 14, Principals = 40, IncludeIncidents = false }, baseRecords);
        var facts = new List<ActivityFacts>(baseRecords + baseRecords / 10);
        var watch = Stopwatch.StartNew();
        await foreach (var labelled in SimulatedLogParser.ParseAsync(new ActivitySimulator(options).Generate(), ct: ct)) facts.Add(ActivityFacts.From(labelled.Record));
        output.WriteLine($"generated and parsed {facts.Count:N0} records in {watch.Elapsed.TotalSeconds:0.0} s");

        watch.Restart();
        var set = new TrainingSet();
        var copies = (int)Math.Max(1, Math.Ceiling((double)trainRecords / facts.Count));
        for (var copy = 0; copy < copies && set.Records < trainRecords; copy++)
        {
            foreach (var f in facts)
            {
                if (set.Records >= trainRecords) break;
                set.Add(copy == 0 ? f : f with { Principal = $"{f.Principal}#{copy}" });
            }
        }
        var featureTime = watch.Elapsed;
        var trained = new AnomalyTrainer(new TrainerSettings { MaxPcaRows = int.MaxValue }).Train(set, "benchmark");
        output.WriteLine($"training on {set.Records:N0} records ({set.Rows.Count:N0} warm rows): features {featureTime.TotalSeconds:0.0} s, " +
                         $"total {watch.Elapsed.TotalSeconds:0.0} s");

        Score(facts, trained.Model, "", output);

        // The model that ships (what the live scorer loads by default), when the checkout has it.
        var shipped = ModelFiles.Resolve(Path.Combine("ml-models", ModelFiles.ZipName));
        if (!File.Exists(shipped)) return;
        var loaded = ModelFiles.Load(new Microsoft.ML.MLContext(), shipped);
        Score(facts, loaded, $" with the shipped model ({loaded.Card.Algorithm})", output);
    }

    /// <summary>Every record through a fresh scorer, as the live path scores it: features, model, words for anomalies.</summary>
    private static void Score(List<ActivityFacts> facts, AnomalyModel model, string which, TextWriter output)
    {
        var scorer = new AnomalyScorer(new ActivityFeaturizer(new ProfileBook()));
        var anomalies = 0;
        var watch = Stopwatch.StartNew();
        foreach (var f in facts)
        {
            if (scorer.Score(f, model, model.Card.Threshold).Anomalous) anomalies++;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"scoring {facts.Count:N0} records{which}: {facts.Count / seconds:N0} records/s ({anomalies} anomalies)");
    }
}
