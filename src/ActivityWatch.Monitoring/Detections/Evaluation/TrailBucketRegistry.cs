namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>The CloudTrail buckets learned from CreateTrail/UpdateTrail records (one document, id <see cref="DocumentId"/>).</summary>
public sealed class TrailBucketRegistry
{
    public const string DocumentId = "trail-buckets";

    public string Id { get; set; } = DocumentId;
    public List<string> Buckets { get; set; } = [];
}
