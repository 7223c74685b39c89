using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Output;

namespace ActivityWatch.Simulation;

/// <summary>Generates AWS CloudTrail records and S3 server access log lines for an invented organisation:
/// benign daily and weekly rhythms, the sample week's incidents and any injected attacks.
/// Deterministic: the same options give the same records, byte for byte.</summary>
public sealed class ActivitySimulator(SimulationOptions options)
{
    public SimulationOptions Options { get; } = Validate(options);

    /// <summary>The accounts, people, workloads, users, roles and buckets behind the records.</summary>
    public SimulatedOrganization Organization { get; } = OrganizationFactory.Create(options);

    /// <summary>All records in time order, generated lazily: memory holds one 5-minute window.</summary>
    public IEnumerable<SimulatedRecord> Generate() => new SimulationRun(Options, Organization).Records();

    /// <summary>Writes the records in the layouts AWS delivers them (see <see cref="SimulationFileWriter"/>).</summary>
    public Task<SimulationSummary> WriteAsync(string outDir, CancellationToken ct = default) =>
        new SimulationFileWriter(Options, Organization, outDir).WriteAsync(Generate(), ct);

    /// <summary>Options whose Rate yields roughly <paramref name="records"/> records: measures one run
    /// at the given Rate and scales it, since volume grows linearly with Rate.</summary>
    public static SimulationOptions ScaledTo(SimulationOptions options, long records)
    {
        var probe = options with { Rate = 1.0, IncludeIncidents = false, Attacks = [] };
        var baseline = new ActivitySimulator(probe).Generate().LongCount();
        return options with { Rate = Math.Max(0.01, (double)records / Math.Max(1, baseline)) };
    }

    private static SimulationOptions Validate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Days <= 0 || options.Rate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Days must be positive and Rate not negative.");
        }

        return options;
    }
}
