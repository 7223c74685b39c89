using System.Text.Json;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>One stored alert event: its store sequence, kind (Marten's event type name), stream and data.</summary>
public sealed record StoredAlertEvent(long Sequence, string Kind, string StreamKey, DateTimeOffset Timestamp, JsonElement Data);
