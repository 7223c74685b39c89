namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>One object as a listing or a notification names it.</summary>
public sealed record S3ObjectEntry(string Bucket, string Key, string? ETag, long? Size, DateTimeOffset? LastModified)
{
    public string Name => new S3Uri(Bucket, Key).ToString();
}
