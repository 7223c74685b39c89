namespace ActivityWatch.Ingestion.Objects;

/// <summary>
/// A log object that carries metadata beside its bytes: S3 user metadata, where CloudTrail puts a
/// digest file's signature (x-amz-meta-signature). Files and message bodies have none.
/// </summary>
public interface IObjectMetadata
{
    /// <summary>Names without the x-amz-meta- prefix; empty until the object has been fetched.</summary>
    IReadOnlyDictionary<string, string> Metadata { get; }
}
