using ActivityWatch.Simulation.Catalog;

namespace ActivityWatch.Simulation.Rendering;

/// <summary>One API request the simulation decided happens; rendered into a CloudTrail record and/or an
/// S3 server access log line.</summary>
internal sealed record PlannedCall(DateTimeOffset Time, string Region, Caller Caller, ApiCall Api, CallTarget Target)
{
    public CallOutcome Outcome { get; init; } = CallOutcome.Success;

    public string? Scenario { get; init; }

    /// <summary>Where the record is delivered; the caller's account unless the call crosses accounts.</summary>
    public string? RecipientAccountId { get; init; }

    /// <summary>A ConsoleLogin's outcome and MFA flag.</summary>
    public bool? MfaUsed { get; init; }

    /// <summary>Tie-break for records in the same second, so sorting is stable and deterministic.</summary>
    public long Sequence { get; set; }
}
