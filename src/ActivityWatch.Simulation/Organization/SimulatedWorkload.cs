namespace ActivityWatch.Simulation;

/// <summary>Software acting through a role around the clock.</summary>
/// <param name="AssumedBy">The service principal (lambda.amazonaws.com ...) or user ARN that assumes the role.</param>
/// <param name="SessionName">The role session name its credentials carry (function name, instance id ...).</param>
/// <param name="SourceIp">Its address: a NAT gateway, or a private VPC address behind an endpoint.</param>
/// <param name="VpcEndpointId">Set when its calls go through an interface VPC endpoint.</param>
public sealed record SimulatedWorkload(
    string Name,
    WorkloadArchetype Archetype,
    SimulatedRole Role,
    string AssumedBy,
    string SessionName,
    string Region,
    string SourceIp,
    string UserAgent,
    string? VpcEndpointId);
