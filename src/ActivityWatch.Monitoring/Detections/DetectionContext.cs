using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// What rules may know beyond the record itself: the options, and the trail buckets learned so far.
/// The evaluator feeds every record to <see cref="Observe"/> before the rules run.
/// </summary>
public sealed class DetectionContext(DetectionOptions options, IEnumerable<string>? knownTrailBuckets = null)
{
    private readonly HashSet<string> _trailBuckets = new(options.TrailBuckets.Concat(knownTrailBuckets ?? []), StringComparer.Ordinal);

    public DetectionOptions Options { get; } = options;

    /// <summary>True when <see cref="Observe"/> learned a bucket the store does not know yet.</summary>
    public bool TrailBucketsChanged { get; private set; }

    public IReadOnlyCollection<string> TrailBuckets => _trailBuckets;

    public bool IsTrailBucket(string? bucket) => bucket is not null && _trailBuckets.Contains(bucket);

    public void Observe(ActivityRecorded record)
    {
        if (record.EventName is not ("CreateTrail" or "UpdateTrail") || !record.Succeeded()) return;
        if (record.RequestParameter("s3BucketName") is { Length: > 0 } bucket && _trailBuckets.Add(bucket)) TrailBucketsChanged = true;
    }
}
