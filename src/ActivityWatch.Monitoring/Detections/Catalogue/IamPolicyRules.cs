using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>Inline policies (the best practice prefers managed ones) and full administrator grants.</summary>
public static class IamPolicyRules
{
    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static readonly IReadOnlySet<string> DocumentEvents = EventNames.Of(
        "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicy", "CreatePolicyVersion");

    private static readonly IReadOnlySet<string> AttachEvents = EventNames.Of("AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy");

    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "iam.inline-policy-created",
            Title = "Inline IAM policy created",
            Severity = Severity.Low,
            BestPractice = BestPractices.ManagedOverInline,
            Cis = ["5.4"],
            Mitre = ["T1098"],
            NextSteps = "Move the statement into a customer managed policy so it is versioned and reusable.",
            FalsePositives = ["Service-linked setups that create inline policies"],
            EventNames = EventNames.Of("PutUserPolicy", "PutRolePolicy", "PutGroupPolicy"),
            Match = (r, _) => r.Succeeded()
                ? $"{r.Principal} put inline policy {r.RequestParameter("policyName")} on {Holder(r)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "iam.admin-policy-granted",
            Title = "Full administrator permissions granted",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Cis = ["5.4"],
            Mitre = ["T1098.003"],
            NextSteps = "Confirm the grantee needs full admin; who granted it and from where; remove and use a scoped policy if not.",
            FalsePositives = ["Creating the break-glass administrator role"],
            EventNames = DocumentEvents.Concat(AttachEvents).ToHashSet(StringComparer.Ordinal),
            Match = AdminGrant,
        };
    }

    private static string? AdminGrant(ActivityRecorded record, DetectionContext context)
    {
        if (!record.Succeeded()) return null;
        if (AttachEvents.Contains(record.EventName!))
            return record.RequestParameter("policyArn") == AdministratorAccess
                ? $"{record.Principal} attached AdministratorAccess to {Holder(record)}."
                : null;
        using var document = PolicyDocuments.Parse(record.RequestParameter("policyDocument"));
        return document is not null && PolicyDocuments.GrantsFullAdmin(document)
            ? $"{record.Principal} {record.EventName} {record.RequestParameter("policyName") ?? record.RequestParameter("policyArn")} on {Holder(record)}: Allow Action \"*\" on Resource \"*\"."
            : null;
    }

    private static string Holder(ActivityRecorded record) =>
        record.RequestParameter("userName") is { } user ? $"user {user}"
        : record.RequestParameter("roleName") is { } role ? $"role {role}"
        : record.RequestParameter("groupName") is { } group ? $"group {group}"
        : "a managed policy";
}
