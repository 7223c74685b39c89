namespace ActivityWatch.Simulation;

/// <summary>One log record as AWS would deliver it, plus the ground truth the generator knows.</summary>
/// <param name="Principal">Normalised caller: the role ARN for assumed roles, the root ARN for root,
/// the user ARN for IAM users, the service name for AWS services, "anonymous" for unsigned S3 requests.</param>
/// <param name="Text">The CloudTrail record as compact JSON, or the S3 server access log line.</param>
/// <param name="Scenario">Null for benign activity, else the incident or attack id.</param>
public sealed record SimulatedRecord(
    SimulatedLogKind Kind,
    DateTimeOffset Time,
    string Account,
    string Region,
    string Principal,
    string Text,
    string? Scenario);
