using System.Collections.Frozen;

namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// S3 server access log operations to the IAM actions that authorised them, so object-level use
/// counts even without CloudTrail data events. The log's operation field is
/// "REST.HTTP_method.resource_type", "SOAP.operation", "WEBSITE.HTTP_method.resource_type",
/// "BATCH.DELETE.OBJECT", or "S3.action.resource_type" for S3 Lifecycle (S3 user guide, "Amazon S3
/// server access log format"); the actions are those of "Required permissions for Amazon S3 API
/// operations". The same resource type means the object when the line has a key and the bucket
/// otherwise (ACL, tagging); "?versionId=" in the request-URI asks for an object version. Copies
/// log twice: REST.COPY.OBJECT in the target bucket's log, REST.COPY.OBJECT_GET in the source's.
/// An operation not in this table is Unknown: it is shown as such and never becomes an action.
/// </summary>
public static class S3AccessLogOperations
{
    private const string Lifecycle = "performed by S3 Lifecycle itself, not by a principal";

    public static readonly IReadOnlyList<S3AccessLogOperation> Documented =
    [
        // Service and bucket.
        S3AccessLogOperation.Of("REST.GET.SERVICE", "s3:ListAllMyBuckets"),
        S3AccessLogOperation.Of("REST.PUT.BUCKET", "s3:CreateBucket"),
        S3AccessLogOperation.Of("REST.DELETE.BUCKET", "s3:DeleteBucket"),
        S3AccessLogOperation.Of("REST.HEAD.BUCKET", "s3:ListBucket"),
        S3AccessLogOperation.Of("REST.GET.BUCKET", "s3:ListBucket"),
        S3AccessLogOperation.Of("REST.GET.BUCKETVERSIONS", "s3:ListBucketVersions"),
        S3AccessLogOperation.Of("REST.GET.LOCATION", "s3:GetBucketLocation"),
        S3AccessLogOperation.Of("REST.GET.BUCKETPOLICY", "s3:GetBucketPolicy"),
        S3AccessLogOperation.Of("REST.PUT.BUCKETPOLICY", "s3:PutBucketPolicy"),
        S3AccessLogOperation.Of("REST.DELETE.BUCKETPOLICY", "s3:DeleteBucketPolicy"),
        S3AccessLogOperation.Of("REST.GET.POLICY_STATUS", "s3:GetBucketPolicyStatus"),
        S3AccessLogOperation.Of("REST.GET.VERSIONING", "s3:GetBucketVersioning"),
        S3AccessLogOperation.Of("REST.PUT.VERSIONING", "s3:PutBucketVersioning"),
        S3AccessLogOperation.Of("REST.GET.LIFECYCLE", "s3:GetLifecycleConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.LIFECYCLE", "s3:PutLifecycleConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.LIFECYCLE", "s3:PutLifecycleConfiguration"),
        S3AccessLogOperation.Of("REST.GET.CORS", "s3:GetBucketCORS"),
        S3AccessLogOperation.Of("REST.PUT.CORS", "s3:PutBucketCORS"),
        S3AccessLogOperation.Of("REST.DELETE.CORS", "s3:PutBucketCORS"),
        S3AccessLogOperation.Of("REST.GET.ENCRYPTION", "s3:GetEncryptionConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.ENCRYPTION", "s3:PutEncryptionConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.ENCRYPTION", "s3:PutEncryptionConfiguration"),
        S3AccessLogOperation.Of("REST.GET.LOGGING_STATUS", "s3:GetBucketLogging"),
        S3AccessLogOperation.Of("REST.PUT.LOGGING_STATUS", "s3:PutBucketLogging"),
        S3AccessLogOperation.Of("REST.GET.NOTIFICATION", "s3:GetBucketNotification"),
        S3AccessLogOperation.Of("REST.PUT.NOTIFICATION", "s3:PutBucketNotification"),
        S3AccessLogOperation.Of("REST.GET.PUBLIC_ACCESS_BLOCK", "s3:GetBucketPublicAccessBlock"),
        S3AccessLogOperation.Of("REST.PUT.PUBLIC_ACCESS_BLOCK", "s3:PutBucketPublicAccessBlock"),
        S3AccessLogOperation.Of("REST.DELETE.PUBLIC_ACCESS_BLOCK", "s3:PutBucketPublicAccessBlock"),
        S3AccessLogOperation.Of("REST.GET.OWNERSHIP_CONTROLS", "s3:GetBucketOwnershipControls"),
        S3AccessLogOperation.Of("REST.PUT.OWNERSHIP_CONTROLS", "s3:PutBucketOwnershipControls"),
        S3AccessLogOperation.Of("REST.DELETE.OWNERSHIP_CONTROLS", "s3:PutBucketOwnershipControls"),
        S3AccessLogOperation.Of("REST.GET.OBJECT_LOCK_CONFIGURATION", "s3:GetBucketObjectLockConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.OBJECT_LOCK_CONFIGURATION", "s3:PutBucketObjectLockConfiguration"),
        S3AccessLogOperation.Of("REST.GET.REPLICATION", "s3:GetReplicationConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.REPLICATION", "s3:PutReplicationConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.REPLICATION", "s3:PutReplicationConfiguration"),
        S3AccessLogOperation.Of("REST.GET.WEBSITE", "s3:GetBucketWebsite"),
        S3AccessLogOperation.Of("REST.PUT.WEBSITE", "s3:PutBucketWebsite"),
        S3AccessLogOperation.Of("REST.DELETE.WEBSITE", "s3:DeleteBucketWebsite"),
        S3AccessLogOperation.Of("REST.GET.REQUEST_PAYMENT", "s3:GetBucketRequestPayment"),
        S3AccessLogOperation.Of("REST.PUT.REQUEST_PAYMENT", "s3:PutBucketRequestPayment"),
        S3AccessLogOperation.Of("REST.GET.ACCELERATE", "s3:GetAccelerateConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.ACCELERATE", "s3:PutAccelerateConfiguration"),
        S3AccessLogOperation.Of("REST.GET.ANALYTICS", "s3:GetAnalyticsConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.ANALYTICS", "s3:PutAnalyticsConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.ANALYTICS", "s3:PutAnalyticsConfiguration"),
        S3AccessLogOperation.Of("REST.GET.METRICS", "s3:GetMetricsConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.METRICS", "s3:PutMetricsConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.METRICS", "s3:PutMetricsConfiguration"),
        S3AccessLogOperation.Of("REST.GET.INVENTORY", "s3:GetInventoryConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.INVENTORY", "s3:PutInventoryConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.INVENTORY", "s3:PutInventoryConfiguration"),
        S3AccessLogOperation.Of("REST.GET.INTELLIGENT_TIERING", "s3:GetIntelligentTieringConfiguration"),
        S3AccessLogOperation.Of("REST.PUT.INTELLIGENT_TIERING", "s3:PutIntelligentTieringConfiguration"),
        S3AccessLogOperation.Of("REST.DELETE.INTELLIGENT_TIERING", "s3:PutIntelligentTieringConfiguration"),
        S3AccessLogOperation.None("REST.OPTIONS.PREFLIGHT", "a CORS preflight request is answered from the bucket's CORS configuration, unauthenticated"),

        // The same resource type on a bucket or an object: the line's key decides.
        S3AccessLogOperation.Of("REST.GET.ACL", "s3:GetBucketAcl", "s3:GetObjectAcl", "s3:GetObjectVersionAcl"),
        S3AccessLogOperation.Of("REST.PUT.ACL", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"),
        S3AccessLogOperation.Of("REST.GET.TAGGING", "s3:GetBucketTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"),
        S3AccessLogOperation.Of("REST.PUT.TAGGING", "s3:PutBucketTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"),
        S3AccessLogOperation.Of("REST.DELETE.TAGGING", "s3:PutBucketTagging", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging"),
        S3AccessLogOperation.Of("REST.GET.OBJECT_TAGGING", "s3:GetObjectTagging", null, "s3:GetObjectVersionTagging"),
        S3AccessLogOperation.Of("REST.PUT.OBJECT_TAGGING", "s3:PutObjectTagging", null, "s3:PutObjectVersionTagging"),
        S3AccessLogOperation.Of("REST.DELETE.OBJECT_TAGGING", "s3:DeleteObjectTagging", null, "s3:DeleteObjectVersionTagging"),

        // Objects.
        S3AccessLogOperation.Of("REST.GET.OBJECT", "s3:GetObject", null, "s3:GetObjectVersion"),
        S3AccessLogOperation.Of("REST.HEAD.OBJECT", "s3:GetObject", null, "s3:GetObjectVersion"),
        S3AccessLogOperation.Of("REST.PUT.OBJECT", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.POST.OBJECT", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.COPY.OBJECT", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.COPY.OBJECT_GET", "s3:GetObject"),
        S3AccessLogOperation.Of("REST.DELETE.OBJECT", "s3:DeleteObject", null, "s3:DeleteObjectVersion"),
        S3AccessLogOperation.Of("REST.POST.MULTI_OBJECT_DELETE", "s3:DeleteObject"),
        S3AccessLogOperation.Of("BATCH.DELETE.OBJECT", "s3:DeleteObject"),
        S3AccessLogOperation.Of("REST.POST.RESTORE", "s3:RestoreObject"),
        S3AccessLogOperation.Of("REST.POST.SELECT", "s3:GetObject"),
        S3AccessLogOperation.Of("REST.GET.OBJECT_ATTRIBUTES", "s3:GetObjectAttributes", null, "s3:GetObjectVersionAttributes"),
        S3AccessLogOperation.Of("REST.GET.RETENTION", "s3:GetObjectRetention"),
        S3AccessLogOperation.Of("REST.PUT.RETENTION", "s3:PutObjectRetention"),
        S3AccessLogOperation.Of("REST.GET.LEGAL_HOLD", "s3:GetObjectLegalHold"),
        S3AccessLogOperation.Of("REST.PUT.LEGAL_HOLD", "s3:PutObjectLegalHold"),
        S3AccessLogOperation.Of("REST.GET.TORRENT", "s3:GetObjectTorrent", null, "s3:GetObjectVersionTorrent"),

        // Multipart uploads: each step is authorised as the upload it belongs to.
        S3AccessLogOperation.Of("REST.GET.UPLOADS", "s3:ListBucketMultipartUploads"),
        S3AccessLogOperation.Of("REST.POST.UPLOADS", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.PUT.PART", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.COPY.PART", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.COPY.PART_GET", "s3:GetObject"),
        S3AccessLogOperation.Of("REST.GET.UPLOAD", "s3:ListMultipartUploadParts"),
        S3AccessLogOperation.Of("REST.POST.UPLOAD", "s3:PutObject"),
        S3AccessLogOperation.Of("REST.DELETE.UPLOAD", "s3:AbortMultipartUpload"),

        // The website endpoint: reads of objects (usually anonymous).
        S3AccessLogOperation.Of("WEBSITE.GET.OBJECT", "s3:GetObject"),
        S3AccessLogOperation.Of("WEBSITE.HEAD.OBJECT", "s3:GetObject"),
        S3AccessLogOperation.None("WEBSITE.INVALIDOPERATION", "the website endpoint refused a method it does not serve"),

        // The SOAP API (end of life; old logs): its operations by name.
        S3AccessLogOperation.Of("SOAP.ListAllMyBuckets", "s3:ListAllMyBuckets"),
        S3AccessLogOperation.Of("SOAP.CreateBucket", "s3:CreateBucket"),
        S3AccessLogOperation.Of("SOAP.DeleteBucket", "s3:DeleteBucket"),
        S3AccessLogOperation.Of("SOAP.ListBucket", "s3:ListBucket"),
        S3AccessLogOperation.Of("SOAP.GetBucketAccessControlPolicy", "s3:GetBucketAcl"),
        S3AccessLogOperation.Of("SOAP.SetBucketAccessControlPolicy", "s3:PutBucketAcl"),
        S3AccessLogOperation.Of("SOAP.GetBucketLoggingStatus", "s3:GetBucketLogging"),
        S3AccessLogOperation.Of("SOAP.SetBucketLoggingStatus", "s3:PutBucketLogging"),
        S3AccessLogOperation.Of("SOAP.GetObject", "s3:GetObject"),
        S3AccessLogOperation.Of("SOAP.GetObjectExtended", "s3:GetObject"),
        S3AccessLogOperation.Of("SOAP.PutObject", "s3:PutObject"),
        S3AccessLogOperation.Of("SOAP.PutObjectInline", "s3:PutObject"),
        S3AccessLogOperation.Of("SOAP.CopyObject", "s3:PutObject"),
        S3AccessLogOperation.Of("SOAP.DeleteObject", "s3:DeleteObject"),
        S3AccessLogOperation.Of("SOAP.GetObjectAccessControlPolicy", "s3:GetObjectAcl"),
        S3AccessLogOperation.Of("SOAP.SetObjectAccessControlPolicy", "s3:PutObjectAcl"),

        // S3 Lifecycle ("How S3 Lifecycle interacts with other bucket configurations", Lifecycle and logging).
        S3AccessLogOperation.None("S3.EXPIRE.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.CREATE.DELETEMARKER", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION_SIA.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION_ZIA.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION_INT.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION_GIR.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.TRANSITION_GDA.OBJECT", Lifecycle),
        S3AccessLogOperation.None("S3.DELETE.UPLOAD", Lifecycle),
    ];

    private static readonly FrozenDictionary<string, S3AccessLogOperation> ByName =
        Documented.ToFrozenDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the line names an object ("-" when it does not): object and bucket operations map differently.</summary>
    public static bool HasObjectKey(string? objectKey) => !string.IsNullOrEmpty(objectKey) && objectKey != "-";

    public static S3AccessLogOperation? Find(string? operation) =>
        operation is not null && ByName.TryGetValue(operation, out var found) ? found : null;

    public static ActionMapping Map(string operation, string? objectKey, bool versioned = false)
    {
        if (Find(operation) is not { } known)
            return ActionMapping.Unknown($"S3 access log operation {operation} is not in ActivityWatch's table");
        if (known.NoPermission is { } reason) return ActionMapping.None(reason);
        return ActionMapping.Of(known.ActionsFor(HasObjectKey(objectKey), versioned));
    }
}
