using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Quarantine;

namespace ActivityWatch.Api.Ingestion;

/// <summary>Where ingestion stands: AWS sources with their lag, the log objects read, and what was quarantined.</summary>
public sealed record IngestionStatus(
    IReadOnlyList<SourceStatus> Sources,
    IngestionTotals Totals,
    IReadOnlyList<SourceCheckpoint> RecentObjects,
    IReadOnlyList<QuarantinedRecord> Quarantine,
    LivePathStatus LivePath);
