using ActivityWatch.Anomalies.Features;
using ActivityWatch.Simulation.Estate;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// One estate for the evaluation: generated with its attacks (all in the test period), run through
/// the production parser, reduced to facts, split into benign history and the test period.
/// </summary>
public sealed record SimulatedEstate(int Seed, IReadOnlyList<ActivityFacts> History, IReadOnlyList<(ActivityFacts Facts, string? Scenario)> Test,
    IReadOnlyList<EstateAttack> Attacks, NetworkKinds Networks)
{
    public static NetworkKinds PublishedNetworks { get; } = NetworkKinds.Parse(EstateNetworks.AwsIpRangesJson(), EstateNetworks.HostingRanges());

    public static async Task<SimulatedEstate> GenerateAsync(int seed, EvaluationSettings settings, int? onlyVariant, CancellationToken ct)
    {
        var options = new EstateOptions { Seed = seed, People = settings.People, Days = settings.TrainDays + settings.TestDays, Rate = settings.Rate };
        var testStart = options.Start.AddDays(settings.TrainDays);
        var planned = new EstateSimulator(options).PlanAttacks(settings.AttacksPerKind, testStart, options.End, seed);
        var attacks = onlyVariant is { } v ? planned.Select(a => a with { Variant = v }).ToList() : planned;
        var history = new List<ActivityFacts>();
        var test = new List<(ActivityFacts, string?)>();
        var networks = PublishedNetworks;
        await foreach (var labelled in SimulatedLogParser.ParseAsync(new EstateSimulator(options with { Attacks = attacks }).Generate(), ct: ct))
        {
            var facts = ActivityFacts.From(labelled.Record, networks);
            if (facts.Time < testStart) history.Add(facts);
            else test.Add((facts, labelled.Scenario));
        }
        return new SimulatedEstate(seed, history, test, attacks, networks);
    }
}
