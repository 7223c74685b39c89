namespace ActivityWatch.Simulation;

/// <summary>What to simulate. The same options and seed always give byte-identical output.</summary>
public sealed record SimulationOptions
{
    /// <summary>Monday 2 November 2026, midnight UTC: the sample week everyone refers to.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public int Days { get; init; } = 7;

    /// <summary>Number of people. At least 3 are simulated, so every incident has a subject.</summary>
    public int Principals { get; init; } = 25;

    public int Seed { get; init; } = 1;

    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>The first account is production, the second development (AWS documentation placeholders).</summary>
    public IReadOnlyList<string> Accounts { get; init; } = ["111122223333", "444455556666"];

    /// <summary>The first region is also where global services (IAM, sign-in) log.</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["us-east-1", "eu-west-1"];

    public bool IncludeIncidents { get; init; } = true;

    public IReadOnlyList<AttackScenario> Attacks { get; init; } = [];

    /// <summary>Multiplies benign activity volume; incidents and attacks keep their size.</summary>
    public double Rate { get; init; } = 1.0;

    public bool IncludeS3AccessLogs { get; init; } = true;

    public DateTimeOffset End => Start.AddDays(Days);
}
