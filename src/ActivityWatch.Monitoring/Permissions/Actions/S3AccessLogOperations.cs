using System.Collections.Frozen;

namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// S3 server access log operations ("REST.GET.OBJECT") to IAM actions, so object-level use
/// counts even without CloudTrail data events. Operations on "ACL" and "TAGGING" mean the object
/// when the line has a key and the bucket otherwise. Copies log twice: REST.COPY.OBJECT in the
/// destination bucket's log and REST.COPY.OBJECT_GET in the source's (S3 user guide, "Amazon S3
/// server access log format", operation field).
/// </summary>
public static class S3AccessLogOperations
{
    private static readonly FrozenDictionary<string, string> Fixed = new Dictionary<string, string>
    {
        ["REST.GET.OBJECT"] = "s3:GetObject",
        ["REST.HEAD.OBJECT"] = "s3:GetObject",
        ["WEBSITE.GET.OBJECT"] = "s3:GetObject",
        ["WEBSITE.HEAD.OBJECT"] = "s3:GetObject",
        ["REST.COPY.OBJECT_GET"] = "s3:GetObject",
        ["REST.COPY.PART_GET"] = "s3:GetObject",
        ["REST.POST.SELECT"] = "s3:GetObject",
        ["REST.PUT.OBJECT"] = "s3:PutObject",
        ["REST.POST.OBJECT"] = "s3:PutObject",
        ["REST.COPY.OBJECT"] = "s3:PutObject",
        ["REST.COPY.PART"] = "s3:PutObject",
        ["REST.POST.UPLOADS"] = "s3:PutObject",
        ["REST.PUT.PART"] = "s3:PutObject",
        ["REST.POST.UPLOAD"] = "s3:PutObject",
        ["REST.DELETE.UPLOAD"] = "s3:AbortMultipartUpload",
        ["REST.GET.UPLOADS"] = "s3:ListBucketMultipartUploads",
        ["REST.GET.UPLOAD"] = "s3:ListMultipartUploadParts",
        ["REST.DELETE.OBJECT"] = "s3:DeleteObject",
        ["BATCH.DELETE.OBJECT"] = "s3:DeleteObject",
        ["REST.POST.MULTI_OBJECT_DELETE"] = "s3:DeleteObject",
        ["REST.POST.RESTORE"] = "s3:RestoreObject",
        ["REST.GET.BUCKET"] = "s3:ListBucket",
        ["REST.HEAD.BUCKET"] = "s3:ListBucket",
        ["REST.GET.BUCKETVERSIONS"] = "s3:ListBucketVersions",
        ["REST.GET.SERVICE"] = "s3:ListAllMyBuckets",
        ["REST.GET.LOCATION"] = "s3:GetBucketLocation",
        ["REST.GET.BUCKETPOLICY"] = "s3:GetBucketPolicy",
        ["REST.PUT.BUCKETPOLICY"] = "s3:PutBucketPolicy",
        ["REST.DELETE.BUCKETPOLICY"] = "s3:DeleteBucketPolicy",
        ["REST.GET.POLICY_STATUS"] = "s3:GetBucketPolicyStatus",
        ["REST.GET.VERSIONING"] = "s3:GetBucketVersioning",
        ["REST.PUT.VERSIONING"] = "s3:PutBucketVersioning",
        ["REST.GET.LIFECYCLE"] = "s3:GetLifecycleConfiguration",
        ["REST.PUT.LIFECYCLE"] = "s3:PutLifecycleConfiguration",
        ["REST.DELETE.LIFECYCLE"] = "s3:PutLifecycleConfiguration",
        ["REST.GET.CORS"] = "s3:GetBucketCORS",
        ["REST.PUT.CORS"] = "s3:PutBucketCORS",
        ["REST.GET.ENCRYPTION"] = "s3:GetEncryptionConfiguration",
        ["REST.PUT.ENCRYPTION"] = "s3:PutEncryptionConfiguration",
        ["REST.GET.LOGGING_STATUS"] = "s3:GetBucketLogging",
        ["REST.PUT.LOGGING_STATUS"] = "s3:PutBucketLogging",
        ["REST.GET.NOTIFICATION"] = "s3:GetBucketNotification",
        ["REST.PUT.NOTIFICATION"] = "s3:PutBucketNotification",
        ["REST.GET.PUBLIC_ACCESS_BLOCK"] = "s3:GetBucketPublicAccessBlock",
        ["REST.PUT.PUBLIC_ACCESS_BLOCK"] = "s3:PutBucketPublicAccessBlock",
        ["REST.GET.OWNERSHIP_CONTROLS"] = "s3:GetBucketOwnershipControls",
        ["REST.GET.OBJECT_LOCK_CONFIGURATION"] = "s3:GetBucketObjectLockConfiguration",
        ["REST.GET.REPLICATION"] = "s3:GetReplicationConfiguration",
        ["REST.GET.WEBSITE"] = "s3:GetBucketWebsite",
        ["REST.GET.REQUEST_PAYMENT"] = "s3:GetBucketRequestPayment",
        ["REST.GET.ACCELERATE"] = "s3:GetAccelerateConfiguration",
        ["REST.GET.OBJECT_TAGGING"] = "s3:GetObjectTagging",
        ["REST.PUT.OBJECT_TAGGING"] = "s3:PutObjectTagging",
        ["REST.DELETE.OBJECT_TAGGING"] = "s3:DeleteObjectTagging",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the line names an object ("-" when it does not): object and bucket operations map differently.</summary>
    public static bool HasObjectKey(string? objectKey) => !string.IsNullOrEmpty(objectKey) && objectKey != "-";

    public static ActionMapping Map(string operation, string? objectKey)
    {
        var hasKey = HasObjectKey(objectKey);
        if (Fixed.TryGetValue(operation, out var action)) return ActionMapping.Of(action);
        switch (operation.ToUpperInvariant())
        {
            case "REST.GET.ACL": return ActionMapping.Of(hasKey ? "s3:GetObjectAcl" : "s3:GetBucketAcl");
            case "REST.PUT.ACL": return ActionMapping.Of(hasKey ? "s3:PutObjectAcl" : "s3:PutBucketAcl");
            case "REST.GET.TAGGING": return ActionMapping.Of(hasKey ? "s3:GetObjectTagging" : "s3:GetBucketTagging");
            case "REST.PUT.TAGGING": return ActionMapping.Of(hasKey ? "s3:PutObjectTagging" : "s3:PutBucketTagging");
            case "REST.DELETE.TAGGING": return ActionMapping.Of(hasKey ? "s3:DeleteObjectTagging" : "s3:PutBucketTagging");
        }
        // S3.TRANSITION.OBJECT, S3.EXPIRE.OBJECT, S3.CREATE.DELETEMARKER...: S3's own lifecycle work.
        if (operation.StartsWith("S3.", StringComparison.OrdinalIgnoreCase))
            return ActionMapping.None("performed by S3 itself (lifecycle, replication)");
        return ActionMapping.Unknown($"S3 access log operation {operation} is not in ActivityWatch's table");
    }
}
