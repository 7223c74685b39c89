namespace ActivityWatch.Simulation;

public enum SimulatedLogKind
{
    CloudTrail,
    S3Access,
}
