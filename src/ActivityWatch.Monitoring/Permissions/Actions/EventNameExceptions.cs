using System.Collections.Frozen;

namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// CloudTrail event names that are not the IAM action of the same name. Sources: the S3 user
/// guide's "Amazon S3 CloudTrail events" and "actions for S3 operations" tables, the STS and
/// sign-in CloudTrail pages, and CloudTracker's long-standing mapping issues. Null means the
/// call needs no IAM permission at all.
/// </summary>
public static class EventNameExceptions
{
    private static readonly FrozenDictionary<string, string[]?> Table = new Dictionary<string, string[]?>
    {
        // S3: the API name and the action differ.
        ["s3:ListBuckets"] = ["s3:ListAllMyBuckets"],
        ["s3:HeadObject"] = ["s3:GetObject"],
        ["s3:HeadBucket"] = ["s3:ListBucket"],
        ["s3:ListObjects"] = ["s3:ListBucket"],
        ["s3:ListObjectsV2"] = ["s3:ListBucket"],
        ["s3:ListObjectVersions"] = ["s3:ListBucketVersions"],
        ["s3:ListMultipartUploads"] = ["s3:ListBucketMultipartUploads"],
        ["s3:ListParts"] = ["s3:ListMultipartUploadParts"],
        ["s3:CreateMultipartUpload"] = ["s3:PutObject"],
        ["s3:UploadPart"] = ["s3:PutObject"],
        ["s3:CompleteMultipartUpload"] = ["s3:PutObject"],
        ["s3:UploadPartCopy"] = ["s3:GetObject", "s3:PutObject"],
        ["s3:CopyObject"] = ["s3:GetObject", "s3:PutObject"],
        ["s3:DeleteObjects"] = ["s3:DeleteObject"],
        ["s3:SelectObjectContent"] = ["s3:GetObject"],
        ["s3:GetBucketEncryption"] = ["s3:GetEncryptionConfiguration"],
        ["s3:PutBucketEncryption"] = ["s3:PutEncryptionConfiguration"],
        ["s3:DeleteBucketEncryption"] = ["s3:PutEncryptionConfiguration"],
        ["s3:GetBucketLifecycle"] = ["s3:GetLifecycleConfiguration"],
        ["s3:GetBucketLifecycleConfiguration"] = ["s3:GetLifecycleConfiguration"],
        ["s3:PutBucketLifecycle"] = ["s3:PutLifecycleConfiguration"],
        ["s3:PutBucketLifecycleConfiguration"] = ["s3:PutLifecycleConfiguration"],
        ["s3:DeleteBucketLifecycle"] = ["s3:PutLifecycleConfiguration"],
        ["s3:GetBucketReplication"] = ["s3:GetReplicationConfiguration"],
        ["s3:PutBucketReplication"] = ["s3:PutReplicationConfiguration"],
        ["s3:DeleteBucketReplication"] = ["s3:PutReplicationConfiguration"],
        ["s3:GetBucketCors"] = ["s3:GetBucketCORS"],
        ["s3:PutBucketCors"] = ["s3:PutBucketCORS"],
        ["s3:DeleteBucketCors"] = ["s3:PutBucketCORS"],
        ["s3:DeleteBucketTagging"] = ["s3:PutBucketTagging"],
        ["s3:DeleteBucketPublicAccessBlock"] = ["s3:PutBucketPublicAccessBlock"],
        ["s3:DeleteBucketOwnershipControls"] = ["s3:PutBucketOwnershipControls"],
        ["s3:GetBucketNotificationConfiguration"] = ["s3:GetBucketNotification"],
        ["s3:PutBucketNotificationConfiguration"] = ["s3:PutBucketNotification"],
        ["s3:GetBucketAccelerateConfiguration"] = ["s3:GetAccelerateConfiguration"],
        ["s3:PutBucketAccelerateConfiguration"] = ["s3:PutAccelerateConfiguration"],
        ["s3:GetBucketAnalyticsConfiguration"] = ["s3:GetAnalyticsConfiguration"],
        ["s3:GetBucketMetricsConfiguration"] = ["s3:GetMetricsConfiguration"],
        ["s3:GetBucketInventoryConfiguration"] = ["s3:GetInventoryConfiguration"],
        ["s3:GetBucketIntelligentTieringConfiguration"] = ["s3:GetIntelligentTieringConfiguration"],
        ["s3:GetObjectLockConfiguration"] = ["s3:GetBucketObjectLockConfiguration"],
        ["s3:PutObjectLockConfiguration"] = ["s3:PutBucketObjectLockConfiguration"],
        ["s3:GetBucketWebsite"] = ["s3:GetBucketWebsite"],
        ["s3:DeleteBucketWebsite"] = ["s3:DeleteBucketWebsite"],
        ["s3:GetObjectAttributes"] = ["s3:GetObjectAttributes"],

        // Lambda data events log "Invoke"; the action is lambda:InvokeFunction.
        ["lambda:Invoke"] = ["lambda:InvokeFunction"],

        // STS: GetCallerIdentity needs no permission (and cannot be denied); the web identity and
        // SAML calls are unauthenticated, the role's trust policy decides them, not the caller's.
        ["sts:GetCallerIdentity"] = null,
        ["sts:AssumeRoleWithSAML"] = null,
        ["sts:AssumeRoleWithWebIdentity"] = null,
        ["sts:GetSessionToken"] = null,

        // Console and SSO sign-in steps are authentication, not IAM-authorised API calls.
        ["signin:ConsoleLogin"] = null,
        ["signin:CheckMfa"] = null,
        ["signin:SwitchRole"] = null,
        ["signin:ExitRole"] = null,
        ["signin:RenewRole"] = null,
        ["signin:GetSigninToken"] = null,
        ["signin:UserAuthentication"] = null,
        ["signin:CredentialChallenge"] = null,
        ["signin:CredentialVerification"] = null,
        ["signin:PasswordUpdated"] = null,
        ["sso:Federate"] = null,
        ["sso:Authenticate"] = null,
        ["sso:Logout"] = null,
        ["sso-oauth:CreateToken"] = null,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when "prefix:eventName" has an exception; actions null means no permission is needed.</summary>
    public static bool TryGet(string prefix, string eventName, out string[]? actions) =>
        Table.TryGetValue($"{prefix}:{eventName}", out actions);
}
