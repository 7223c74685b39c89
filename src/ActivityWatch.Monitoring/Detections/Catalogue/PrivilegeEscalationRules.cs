using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Privilege escalation (TA0004) through IAM mechanics the CIS alarms only count: an older policy
/// version made default again, and a role handed to compute the caller then controls.
/// </summary>
public static class PrivilegeEscalationRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "iam.policy-version-rollback",
            Title = "Managed policy switched to another version",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1098.003"],
            NextSteps = "Compare the now-default version with the previous one (iam get-policy-version); an old version may grant far more; revert if unplanned.",
            FalsePositives = ["Rolling back a faulty policy release"],
            EventNames = EventNames.Of("SetDefaultPolicyVersion"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "iam.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} made version {r.RequestParameter("versionId")} the default of {r.RequestParameter("policyArn")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "iam.role-attached-to-compute",
            Title = "IAM role attached to an existing instance or function",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1098.003", "T1078.004"],
            NextSteps = "Check the role's permissions against the caller's own: passing a stronger role to compute the caller controls (iam:PassRole) is escalation; check what ran on the compute after.",
            FalsePositives = ["Fixing an instance launched without its profile"],
            EventNames = EventNames.Of("AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation", "UpdateFunctionConfiguration",
                "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2", "UpdateDevEndpoint"),
            Match = (r, c) => r.IsCloudTrail() && r.Succeeded() && !r.IsServiceOnBehalf() && !c.Options.DeploymentPrincipals.Contains(r.Principal) && Passed(r) is { } role
                ? $"{r.Principal} attached {role} via {r.EventName} from {r.SourceIp}."
                : null,
        };
    }

    private static string? Passed(ActivityRecorded record) => record.EventName switch
    {
        "AssociateIamInstanceProfile" or "ReplaceIamInstanceProfileAssociation" =>
            RecordValues.Scalars(record.Field("requestParameters", "AssociateIamInstanceProfileRequest", "IamInstanceProfile"))
                .Concat(RecordValues.Scalars(record.Field("requestParameters", "ReplaceIamInstanceProfileAssociationRequest", "IamInstanceProfile")))
                .Concat(RecordValues.Scalars(record.Field("requestParameters", "iamInstanceProfile"))).FirstOrDefault() is { } profile
                ? $"instance profile {profile}" : "an instance profile",
        "UpdateDevEndpoint" => record.RequestParameter("roleArn") is { } glueRole ? $"role {glueRole}" : null,
        _ => record.RequestParameter("role") is { } role ? $"role {role} to function {record.RequestParameter("functionName")}" : null,
    };
}
