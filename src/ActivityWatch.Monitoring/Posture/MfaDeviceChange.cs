using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Monitoring.Posture;

public sealed record MfaDeviceChange(string EventName, string? SerialNumber, string By, DateTimeOffset At)
{
    /// <summary>The record it came from: orders changes made in the same second.</summary>
    public Stamp? Stamp { get; init; }
}
