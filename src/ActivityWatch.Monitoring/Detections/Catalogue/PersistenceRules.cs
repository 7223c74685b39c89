using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Persistence (TA0003): ways back in that survive a password reset. Role trust opened to another
/// account, Lambda functions opened or their code swapped, Roles Anywhere trust anchors, federation
/// tokens and new IAM users. Credentials made for another user and admin grants live in
/// <see cref="CredentialRules"/> and <see cref="IamPolicyRules"/>.
/// </summary>
public static class PersistenceRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "iam.role-trust-opened",
            Title = "IAM role trust policy opened to another account or to everyone",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1098.003", "T1078.004"],
            NextSteps = "Identify the trusted account; if it is not yours or a known vendor, restore the previous trust policy and look for AssumeRole calls from that account.",
            FalsePositives = ["Onboarding a vendor or a new account of the organization (list it in TrustedAccounts)"],
            EventNames = EventNames.Of("UpdateAssumeRolePolicy", "CreateRole"),
            Match = (r, c) => r.IsCloudTrail() && r.Succeeded() && External(r, c, r.EventName == "CreateRole" ? "assumeRolePolicyDocument" : "policyDocument") is { Count: > 0 } who
                ? $"{r.Principal} {(r.EventName == "CreateRole" ? "created" : "changed the trust policy of")} role {r.RequestParameter("roleName")} trusting {string.Join(", ", who.Distinct())}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "lambda.resource-policy-opened",
            Title = "Lambda function made invocable by another account or anyone",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1546", "T1648"],
            NextSteps = "Read the function's policy (lambda get-policy) and URL config; remove the statement unless a known integration needs it; check invocations since.",
            FalsePositives = ["Public webhooks deliberately exposed through a function URL"],
            EventNames = EventNames.Of("AddPermission", "AddPermission20150331", "AddPermission20150331v2", "CreateFunctionUrlConfig20211031",
                "UpdateFunctionUrlConfig20211031", "CreateFunctionUrlConfig", "UpdateFunctionUrlConfig"),
            Match = (r, c) => r.IsCloudTrail() && r.EventSource == "lambda.amazonaws.com" && r.Succeeded() && LambdaExposure(r, c) is { } why
                ? $"{r.Principal} exposed function {r.RequestParameter("functionName")}: {why}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "lambda.code-or-layers-changed",
            Title = "Lambda layers changed, or function code replaced by root",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1648", "T1546", "T1525"],
            NextSteps = "Compare the function's layers and code hash (CodeSha256) with the last release; a layer is an extension that runs inside every invocation: one from another account, or added by hand, is suspect.",
            FalsePositives = ["Adding a vendor's monitoring layer (Datadog, Lumigo) by hand", "Deployments by roles not listed in DeploymentPrincipals"],
            EventNames = EventNames.Of("UpdateFunctionCode", "UpdateFunctionCode20150331", "UpdateFunctionCode20150331v2",
                "UpdateFunctionConfiguration", "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2"),
            // Code updates by people and pipelines are routine deploys (the sample week's developers and CI
            // roles: 52 medium alerts in a benign week when this rule counted them); a principal's first code
            // push is left to the anomaly model's first-use features. Layers change rarely, and root never deploys.
            // CloudFormation, SAM and CodeDeploy call Lambda as invokedBy a service; listed CI roles are routine too.
            Match = (r, c) => r.IsCloudTrail() && r.EventSource == "lambda.amazonaws.com" && r.Succeeded() && !r.IsServiceOnBehalf()
                              && !c.Options.DeploymentPrincipals.Contains(r.Principal) && CodeChange(r) is { } what
                ? $"{r.Principal} {what} of function {r.RequestParameter("functionName")} from {r.SourceIp} ({r.UserAgent})."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "rolesanywhere.trust-anchor-created",
            Title = "IAM Roles Anywhere trust anchor or profile created",
            Severity = Severity.High,
            BestPractice = BestPractices.UseRolesForWorkloads,
            Mitre = ["T1098.001", "T1556"],
            NextSteps = "Check the trust anchor's certificate authority: an attacker-owned CA lets them mint credentials for the profile's roles at will; delete it if unplanned.",
            FalsePositives = ["Onboarding on-premises workloads to Roles Anywhere"],
            EventNames = EventNames.Of("CreateTrustAnchor", "CreateProfile", "UpdateTrustAnchor"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "rolesanywhere.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} called rolesanywhere:{r.EventName} ({r.RequestParameter("name")}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "sts.federation-token",
            Title = "Federation token obtained with long-term credentials",
            Severity = Severity.Medium,
            BestPractice = BestPractices.UseTemporaryCredentials,
            Mitre = ["T1550.001", "T1078.004"],
            NextSteps = "GetFederationToken sessions outlive the key's deletion (up to 36 h): if unexpected, attach a deny-all policy to the user (it applies to its federation sessions) and rotate the key.",
            FalsePositives = ["Legacy identity brokers that still use GetFederationToken"],
            EventNames = EventNames.Of("GetFederationToken"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "sts.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} obtained a federation token ({r.RequestParameter("name")}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "iam.user-created",
            Title = "IAM user created",
            Severity = Severity.Low,
            BestPractice = BestPractices.UseTemporaryCredentials,
            Mitre = ["T1136.003"],
            NextSteps = "Check the creator and whether a login profile, access key or policy followed; people should use federation, workloads roles.",
            FalsePositives = ["Service accounts for third-party tools that cannot assume roles"],
            EventNames = EventNames.Of("CreateUser"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "iam.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} created IAM user {r.RequestParameter("userName")} from {r.SourceIp}."
                : null,
        };
    }

    internal static IReadOnlyList<string> External(ActivityRecorded record, DetectionContext context, string parameter)
    {
        using var document = PolicyDocuments.ParseElement(record.Field("requestParameters", parameter));
        return document is null ? [] : PolicyDocuments.ExternalPrincipals(document.RootElement, record.OwnAccount(), context.Options.TrustedAccounts);
    }

    private static string? LambdaExposure(ActivityRecorded record, DetectionContext context)
    {
        if (record.EventName!.Contains("FunctionUrlConfig", StringComparison.Ordinal))
            return string.Equals(record.RequestParameter("authType"), "NONE", StringComparison.OrdinalIgnoreCase) ? "function URL with AuthType NONE (anyone on the internet)" : null;
        var principal = record.RequestParameter("principal");
        var scoped = record.RequestParameter("sourceArn") is not null || record.RequestParameter("sourceAccount") is not null || record.RequestParameter("principalOrgID") is not null;
        if (principal == "*" && !scoped) return $"{record.RequestParameter("action")} granted to \"*\"";
        var account = RecordValues.AccountIn(principal);
        return account is not null && account != record.OwnAccount() && !context.Options.TrustedAccounts.Contains(account)
            ? $"{record.RequestParameter("action")} granted to account {account}"
            : null;
    }

    private static string? CodeChange(ActivityRecorded record)
    {
        if (record.EventName!.StartsWith("UpdateFunctionCode", StringComparison.Ordinal))
            return record.IdentityType == IdentityTypes.Root ? "replaced the code (as root)" : null;
        var layers = record.Parameters("layers").ToList();
        if (layers.Count == 0) return null;
        var foreign = layers.Where(l => RecordValues.AccountIn(l) is { } a && a != record.OwnAccount()).ToList();
        return foreign.Count > 0 ? $"added layers from another account ({string.Join(", ", foreign)})" : $"changed the layers ({string.Join(", ", layers.Take(3))})";
    }
}
