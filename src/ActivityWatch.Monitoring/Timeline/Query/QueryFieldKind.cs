namespace ActivityWatch.Monitoring.Timeline.Query;

public enum QueryFieldKind
{
    Text,
    Boolean,
    IpAddress,
}
