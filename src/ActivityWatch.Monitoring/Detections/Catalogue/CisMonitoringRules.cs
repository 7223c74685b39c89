using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// The CIS AWS Foundations v7.0 section 5 alarms with the published event lists (5.2, 5.3 and 5.6
/// live with the sign-in and root rules). Change alarms fire on successful calls only: a refused
/// call changed nothing and is counted by 5.1 instead.
/// </summary>
public static class CisMonitoringRules
{
    public const string DeliveryLogs = "delivery.logs.amazonaws.com";

    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "api.unauthorized-calls",
            Title = "Repeated unauthorized API calls",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Cis = ["5.1"],
            Mitre = ["T1580"],
            NextSteps = "Look at the refused actions: enumeration of many services suggests a stolen key probing its permissions; a single action repeated is usually a misconfigured workload.",
            FalsePositives = ["A workload missing one permission and retrying", "Console pages listing resources the user may not read"],
            Threshold = o => new RuleThreshold(o.UnauthorizedCallsThreshold, o.UnauthorizedCallsWindow),
            Match = (r, _) => r.IsCloudTrail() && IsUnauthorized(r.ErrorCode) && r.SourceIp != DeliveryLogs && r.EventName != "HeadBucket"
                ? $"{r.EventSource}:{r.EventName} refused ({r.ErrorCode}) from {r.SourceIp}."
                : null,
        };
        yield return Changes("iam.policy-changed", "IAM policy changed", Severity.Low, "5.4", null, BestPractices.LeastPrivilege, ["T1098"],
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy",
            "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
            "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy");
        yield return Changes("cloudtrail.config-changed", "CloudTrail trail created, updated or started", Severity.Medium, "5.5", null, BestPractices.MonitorActivity, [],
            "CreateTrail", "UpdateTrail", "StartLogging");
        yield return Changes("cloudtrail.logging-stopped", "CloudTrail logging stopped or trail deleted", Severity.Critical, "5.5", null, BestPractices.MonitorActivity, ["T1562.008"],
            "StopLogging", "DeleteTrail");
        yield return Changes("kms.key-disabled-or-deleted", "KMS key disabled or scheduled for deletion", Severity.High, "5.7", "kms.amazonaws.com", BestPractices.MonitorActivity, ["T1485"],
            "DisableKey", "ScheduleKeyDeletion");
        yield return Changes("s3.bucket-policy-changed", "S3 bucket policy, ACL, CORS, lifecycle or replication changed", Severity.Medium, "5.8", "s3.amazonaws.com", BestPractices.LeastPrivilege, [],
            "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy",
            "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication");
        yield return Changes("config.changed", "AWS Config recorder or delivery channel changed", Severity.Medium, "5.9", "config.amazonaws.com", BestPractices.MonitorActivity, ["T1562.001"],
            "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder");
        yield return Changes("ec2.security-group-changed", "Security group changed", Severity.Low, "5.10", null, BestPractices.MonitorActivity, ["T1562.007"],
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules");
        yield return Changes("ec2.nacl-changed", "Network ACL changed", Severity.Low, "5.11", null, BestPractices.MonitorActivity, ["T1562.007"],
            "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation");
        yield return Changes("ec2.network-gateway-changed", "Network gateway changed", Severity.Low, "5.12", null, BestPractices.MonitorActivity, [],
            "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway");
        yield return Changes("ec2.route-table-changed", "Route table changed", Severity.Low, "5.13", null, BestPractices.MonitorActivity, [],
            "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable");
        yield return Changes("ec2.vpc-changed", "VPC changed", Severity.Low, "5.14", null, BestPractices.MonitorActivity, [],
            "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink");
        yield return Changes("organizations.changed", "AWS Organizations changed", Severity.Medium, "5.15", "organizations.amazonaws.com", BestPractices.MonitorActivity, ["T1666"],
            "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
            "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization",
            "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit");
    }

    /// <summary>CIS 5.1: errorCode =*UnauthorizedOperation or =AccessDenied* (AccessDenied, AccessDeniedException, Client.UnauthorizedOperation).</summary>
    public static bool IsUnauthorized(string? errorCode) =>
        errorCode is { Length: > 0 }
        && (errorCode.EndsWith("UnauthorizedOperation", StringComparison.Ordinal) || errorCode.StartsWith("AccessDenied", StringComparison.Ordinal));

    private static DetectionRule Changes(string id, string title, string severity, string cis, string? eventSource, string bestPractice,
        IReadOnlyList<string> mitre, params string[] names) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        BestPractice = bestPractice,
        Cis = [cis],
        Mitre = mitre,
        NextSteps = "Match the change to a change request; compare the resource's configuration before and after (AWS Config timeline); revert if nobody owns it.",
        FalsePositives = ["Planned changes by infrastructure-as-code pipelines and administrators"],
        EventNames = EventNames.Of(names),
        Match = (r, _) => r.IsCloudTrail() && (eventSource is null || r.EventSource == eventSource) && r.Succeeded()
            ? $"{r.Principal} called {r.EventSource}:{r.EventName}{Target(r)} from {r.SourceIp}."
            : null,
    };

    private static string Target(ActivityRecorded record)
    {
        foreach (var name in new[] { "policyArn", "policyName", "name", "bucketName", "keyId", "groupId", "networkAclId", "internetGatewayId", "routeTableId", "vpcId", "accountId" })
            if (record.RequestParameter(name) is { Length: > 0 } value) return $" ({name} {value})";
        return "";
    }
}
