using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Exfiltration (TA0010) by sharing rather than copying: snapshots and images shared with another
/// account or made public, bucket policies and replication to outsiders, and admin ports opened to
/// the internet (Stratus Red Team files that one under exfiltration too).
/// </summary>
public static class ExfiltrationRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "snapshot.shared-externally",
            Title = "EBS snapshot, AMI or RDS snapshot shared with another account or made public",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1537"],
            NextSteps = "Remove the permission at once (public snapshots are copied by scanners within minutes); identify the account; check for CopySnapshot or CopyImage from it.",
            FalsePositives = ["Sharing golden AMIs or backups with the organization's own accounts (list them in TrustedAccounts)"],
            EventNames = EventNames.Of("ModifySnapshotAttribute", "ModifyImageAttribute", "ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"),
            Match = (r, c) => r.IsCloudTrail() && r.Succeeded() && SharedWith(r, c) is { Count: > 0 } who
                ? $"{r.Principal} shared {Resource(r)} with {string.Join(", ", who.Distinct())} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.bucket-policy-opened",
            Title = "S3 bucket policy grants another account or everyone",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1537", "T1530"],
            NextSteps = "Read the statement granting access; remove it unless the account is a known partner; review GetObject from outside since (S3 access logs).",
            FalsePositives = ["Buckets shared on purpose with partners or the organization's log archive account (TrustedAccounts)"],
            EventNames = EventNames.Of("PutBucketPolicy"),
            Match = (r, c) => r.IsCloudTrail() && r.EventSource == "s3.amazonaws.com" && r.Succeeded() && PersistenceRules.External(r, c, "bucketPolicy") is { Count: > 0 } who
                ? $"{r.Principal} set a policy on bucket {r.RequestParameter("bucketName")} granting {string.Join(", ", who.Distinct())}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.replication-to-other-account",
            Title = "S3 replication to a bucket in another account",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1537"],
            NextSteps = "Check the destination account; replication copies every new object there: remove the rule if the account is not yours.",
            FalsePositives = ["Cross-account backup replication to the organization's own accounts (TrustedAccounts)"],
            EventNames = EventNames.Of("PutBucketReplication"),
            Match = (r, c) => r.IsCloudTrail() && r.EventSource == "s3.amazonaws.com" && r.Succeeded() && ReplicationAccounts(r, c) is { Count: > 0 } accounts
                ? $"{r.Principal} set replication of bucket {r.RequestParameter("bucketName")} to account {string.Join(", ", accounts)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.admin-port-open-to-internet",
            Title = "SSH, RDP or all ports opened to the internet",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1562.007"],
            NextSteps = "Revoke the rule; use Session Manager or a bastion restricted to known networks; check connections to the instances in the group (VPC flow logs).",
            FalsePositives = ["Short-lived test environments (better: Session Manager)"],
            EventNames = EventNames.Of("AuthorizeSecurityGroupIngress"),
            Match = (r, _) => r.IsCloudTrail() && r.Succeeded() && OpenAdminPort(r) is { } what
                ? $"{r.Principal} opened {what} to the internet on {r.RequestParameter("groupId") ?? r.RequestParameter("groupName")} from {r.SourceIp}."
                : null,
        };
    }

    private static string Resource(ActivityRecorded r) =>
        r.RequestParameter("snapshotId") ?? r.RequestParameter("imageId") ?? r.RequestParameter("dBSnapshotIdentifier") ?? r.RequestParameter("dBClusterSnapshotIdentifier") ?? r.EventName!;

    /// <summary>Accounts (or "public") added: EC2's createVolumePermission/launchPermission add items, RDS's valuesToAdd of the restore attribute.</summary>
    private static IReadOnlyList<string> SharedWith(ActivityRecorded record, DetectionContext context)
    {
        IEnumerable<string> added;
        if (record.EventSource == "rds.amazonaws.com")
        {
            if (!string.Equals(record.RequestParameter("attributeName"), "restore", StringComparison.OrdinalIgnoreCase)) return [];
            added = record.Parameters("valuesToAdd");
        }
        else
        {
            var permission = record.Field("requestParameters", "createVolumePermission") ?? record.Field("requestParameters", "launchPermission");
            var items = RecordValues.Items(RecordValues.Property(RecordValues.Property(permission, "add"), "items"));
            added = items.SelectMany(i => RecordValues.Scalars(RecordValues.Property(i, "userId"))
                .Concat(RecordValues.Scalars(RecordValues.Property(i, "group")))
                .Concat(RecordValues.Scalars(RecordValues.Property(i, "organizationArn")).Select(_ => "own-org"))
                .Concat(RecordValues.Scalars(RecordValues.Property(i, "organizationalUnitArn")).Select(_ => "own-org")));
            // The older flat form: userId / group lists beside the attribute.
            if (string.Equals(record.RequestParameter("operationType"), "add", StringComparison.OrdinalIgnoreCase))
                added = added.Concat(record.Parameters("userId")).Concat(record.Parameters("userGroup")).Concat(record.Parameters("group"));
        }
        var own = record.OwnAccount();
        return added.Where(v => v != "own-org")
            .Select(v => v.Equals("all", StringComparison.OrdinalIgnoreCase) ? "everyone (public)" : v)
            .Where(v => v == "everyone (public)" || (v != own && !context.Options.TrustedAccounts.Contains(v)))
            .Distinct().ToList();
    }

    private static IReadOnlyList<string> ReplicationAccounts(ActivityRecorded record, DetectionContext context)
    {
        var configuration = record.Field("requestParameters", "ReplicationConfiguration");
        if (configuration is null) return [];
        var accounts = RecordFields.Descendants(configuration.Value, "Destination")
            .SelectMany(d => RecordValues.Scalars(RecordValues.Property(d, "Account")))
            .Where(a => a != record.OwnAccount() && !context.Options.TrustedAccounts.Contains(a));
        return accounts.Distinct().ToList();
    }

    /// <summary>An ingress permission for 0.0.0.0/0 or ::/0 covering 22, 3389 or every port.</summary>
    private static string? OpenAdminPort(ActivityRecorded record)
    {
        if (record.Field("requestParameters") is not { ValueKind: JsonValueKind.Object } parameters) return null;
        var permissions = RecordValues.Items(RecordValues.Property(RecordValues.Property(parameters, "ipPermissions"), "items"))
            .Append(parameters);
        foreach (var permission in permissions)
        {
            var world = RecordValues.Scalars(RecordValues.Property(permission, "cidrIp"))
                .Concat(RecordFields.Descendants(permission, "cidrIp").SelectMany(e => RecordValues.Scalars(e)))
                .Concat(RecordFields.Descendants(permission, "cidrIpv6").SelectMany(e => RecordValues.Scalars(e)))
                .Any(c => c is "0.0.0.0/0" or "::/0");
            if (!world) continue;
            var protocol = RecordFields.Scalar(RecordValues.Property(permission, "ipProtocol"));
            if (protocol is "-1" or "all") return "all traffic";
            if (!int.TryParse(RecordFields.Scalar(RecordValues.Property(permission, "fromPort")), out var from)
                || !int.TryParse(RecordFields.Scalar(RecordValues.Property(permission, "toPort")), out var to)) continue;
            if (from <= 22 && 22 <= to) return $"port 22 ({protocol} {from}-{to})";
            if (from <= 3389 && 3389 <= to) return $"port 3389 ({protocol} {from}-{to})";
        }
        return null;
    }
}
