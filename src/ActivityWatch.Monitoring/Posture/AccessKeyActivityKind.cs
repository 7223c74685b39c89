namespace ActivityWatch.Monitoring.Posture;

public enum AccessKeyActivityKind
{
    Used,
    Created,
    StatusChanged,
    Deleted,
}
