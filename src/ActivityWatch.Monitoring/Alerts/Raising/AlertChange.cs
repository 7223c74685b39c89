namespace ActivityWatch.Monitoring.Alerts.Raising;

/// <summary>What a hit did: raised a new alert, or added this much new evidence to an existing one (0: already known).</summary>
public sealed record AlertChange(Alert Alert, bool Raised, int NewEvidence);
