namespace ActivityWatch.Monitoring.Alerts;

public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
    Suppressed,
}
