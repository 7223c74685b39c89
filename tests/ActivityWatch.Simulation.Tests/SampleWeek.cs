using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

/// <summary>The default sample week with one of each attack, generated once for all tests that only read it.</summary>
internal static class SampleWeek
{
    public static readonly IReadOnlyList<AttackScenario> OneOfEachAttack =
        AttackKinds.All.Select((kind, i) => new AttackScenario(kind, SimulationOptions.DefaultStart.AddDays(1 + i % 5).AddHours(3 + i))).ToList();

    private static readonly Lazy<IReadOnlyList<SimulatedRecord>> LazyRecords =
        new(() => new ActivitySimulator(new SimulationOptions { Attacks = OneOfEachAttack }).Generate().ToList());

    public static IReadOnlyList<SimulatedRecord> Records => LazyRecords.Value;
}
