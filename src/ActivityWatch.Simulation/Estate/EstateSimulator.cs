namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// Generates a real-looking estate's CloudTrail records and S3 server access log lines: the
/// sample week's organisation, living with benign novelty at realistic rates (travel, client
/// upgrades, APIs tried, new hires, CI bursts, on-call weekends, roles added and retired), with
/// quiet attacks injected where asked. Deterministic per options.
/// </summary>
public sealed class EstateSimulator
{
    private readonly EstateCast _cast;

    public EstateSimulator(EstateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Days <= 0 || options.Rate < 0) throw new ArgumentOutOfRangeException(nameof(options), "Days must be positive and Rate not negative.");
        Options = options;
        Organization = OrganizationFactory.Create(options.Organization);
        _cast = new EstateCast(options, Organization);
    }

    public EstateOptions Options { get; }

    public SimulatedOrganization Organization { get; }

    /// <summary>Principals (normalised ARNs) the run has, with their kind, for choosing attack subjects.</summary>
    internal EstateCast Cast => _cast;

    /// <summary>All records in time order, lazily.</summary>
    public IEnumerable<SimulatedRecord> Generate() => new EstateRun(Options, _cast).Records();

    /// <summary>The given number of each attack kind, on distinct subjects where the estate has enough, at working
    /// hours between <paramref name="from"/> and <paramref name="until"/>, half of them in each variant.</summary>
    public IReadOnlyList<EstateAttack> PlanAttacks(int perKind, DateTimeOffset from, DateTimeOffset until, int seed) =>
        EstateAttackPlanner.Plan(_cast, perKind, from, until, seed);
}
