using System.Diagnostics;
using ActivityWatch.Detection.Features;
using ActivityWatch.Simulation;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// `activitywatch model evaluate`: generate an organisation's benign history, train on it, then
/// replay a test period with injected attacks through the same parser, featurizer and model
/// as production, and measure the model against a plain rarity baseline (alert when a warm
/// principal makes a call it never made before).
/// </summary>
public static class EvaluationHarness
{
    public static async Task<(EvaluationResult Result, TrainedModel Model)> RunAsync(EvaluationSettings settings, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var start = SimulationOptions.DefaultStart;
        var testStart = start.AddDays(settings.TrainDays);
        var benign = new SimulationOptions
        {
            Days = settings.TrainDays + settings.TestDays,
            Principals = settings.People,
            Seed = settings.Seed,
            Start = start,
            Rate = settings.Rate,
            IncludeIncidents = false,
        };
        var options = benign with { Attacks = Attacks(settings, testStart, new ActivitySimulator(benign).Organization) };

        var training = new TrainingSet();
        var testFacts = new List<(ActivityFacts Facts, string? Scenario)>();
        await foreach (var labelled in SimulatedLogParser.ParseAsync(new ActivitySimulator(options).Generate(), ct: ct))
        {
            var facts = ActivityFacts.From(labelled.Record);
            // The generator's attacks all fall in the test period; training sees benign history only.
            if (facts.Time < testStart) training.Add(facts);
            else testFacts.Add((facts, labelled.Scenario));
        }

        var trained = new AnomalyTrainer(settings.Trainer).Train(training, $"simulation seed {settings.Seed}, {settings.People} people, {settings.TrainDays} days");
        var model = trained.Model;
        var threshold = model.Card.Threshold;
        // The test period replays as live: profiles carry on from training, and alerting records are not learned.
        // The baseline keeps its own memory of calls, learning every record (it has no notion of alerting).
        var seenCalls = new HashSet<(string, string)>(training.Featurizer.Profiles.All.SelectMany(p => p.Apis.Keys.Select(api => (p.Id, api))));
        var test = new List<TestRow>(testFacts.Count);
        foreach (var (facts, scenario) in testFacts)
        {
            float score = 0;
            var featurized = training.Featurizer.Featurize(facts, vector => (score = model.Score(vector)) >= threshold);
            var neverMade = seenCalls.Add((facts.Principal, facts.Action));
            test.Add(new TestRow(facts.Principal, facts.Time, scenario, featurized.Warm, featurized.Vector)
            {
                Score = featurized.Warm ? score : 0,
                NeverMadeCall = neverMade,
            });
        }

        var ml = AlertGrouping.Measure("ml", test, r => r.Warm && r.Score >= threshold, settings.AlertWindow);
        var baseline = AlertGrouping.Measure("rarity-baseline", test, r => r.Warm && r.NeverMadeCall, settings.AlertWindow);
        var principals = test.Select(r => r.Principal).Distinct().Count();
        var result = new EvaluationResult(settings, training.Records, test.Count, principals, model.Card, ml, baseline, watch.Elapsed);
        return (result, trained);
    }

    /// <summary>
    /// Each kind <see cref="EvaluationSettings.AttacksPerKind"/> times, at seeded random moments of the test period
    /// (not its last day, so every attack plays out in full), each against a different subject where the
    /// organisation has enough: scenarios are then independent, not the same stolen key seen again.
    /// </summary>
    public static IReadOnlyList<AttackScenario> Attacks(EvaluationSettings settings, DateTimeOffset testStart, SimulatedOrganization organization)
    {
        var random = new Random(settings.Seed * 7919 + 17);
        var span = TimeSpan.FromDays(Math.Max(1, settings.TestDays - 1));
        var keyUsers = Names(organization.People.Where(p => p.SignIn == SignInMethod.IamAccessKey && p.User is not null).Select(p => p.User!.Name));
        var consoleUsers = Names(organization.People.Where(p => p.SignIn == SignInMethod.IamConsole && p.User is not null).Select(p => p.User!.Name));
        var workloads = Names(organization.Workloads.Select(w => w.Name));
        var attacks = new List<AttackScenario>();
        for (var round = 0; round < settings.AttacksPerKind; round++)
        {
            foreach (var kind in AttackKinds.All)
            {
                var at = testStart + TimeSpan.FromMinutes(random.NextDouble() * span.TotalMinutes);
                var pool = kind switch
                {
                    AttackKinds.ConsoleLoginNewNetworkOddHour => consoleUsers,
                    AttackKinds.SecretsBurst => workloads,
                    _ => keyUsers,
                };
                // Consecutive subjects per kind: the same kind never hits one principal twice while the pool lasts.
                var kindIndex = AttackKinds.All.ToList().IndexOf(kind);
                var subject = pool.Count == 0 ? null : pool[(kindIndex * settings.AttacksPerKind + round) % pool.Count];
                attacks.Add(new AttackScenario(kind, new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero), subject));
            }
        }
        return attacks.OrderBy(a => a.At).ToList();
    }

    private static List<string> Names(IEnumerable<string> names) => names.Distinct(StringComparer.Ordinal).ToList();
}
