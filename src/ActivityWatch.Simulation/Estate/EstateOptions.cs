namespace ActivityWatch.Simulation.Estate;

/// <summary>What the estate generator simulates. The same options always give the same records.</summary>
public sealed record EstateOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>People on staff at the start; new hires join on top, workloads and CI come with the accounts.</summary>
    public int People { get; init; } = 40;

    public int Days { get; init; } = 35;

    public DateTimeOffset Start { get; init; } = SimulationOptions.DefaultStart;

    public IReadOnlyList<EstateAttack> Attacks { get; init; } = [];

    /// <summary>Multiplies benign activity volume; attacks keep their size.</summary>
    public double Rate { get; init; } = 1.0;

    public DateTimeOffset End => Start.AddDays(Days);

    /// <summary>The organisation's accounts, identities and buckets come from the sample week's factory for the seed.</summary>
    internal SimulationOptions Organization => new()
    {
        Seed = Seed,
        Principals = People,
        Days = Days,
        Start = Start,
        IncludeIncidents = false,
        Rate = Rate,
    };
}
