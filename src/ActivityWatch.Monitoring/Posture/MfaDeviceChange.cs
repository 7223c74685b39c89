namespace ActivityWatch.Monitoring.Posture;

public sealed record MfaDeviceChange(string EventName, string? SerialNumber, string By, DateTimeOffset At);
