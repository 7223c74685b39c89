using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>Console sign-ins without MFA (CIS 5.2), failed sign-ins (CIS 5.6) and MFA-less API sessions.</summary>
public static class SignInRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "signin.console-without-mfa",
            Title = "Console sign-in without MFA",
            Severity = Severity.Medium,
            BestPractice = BestPractices.EnableMfa,
            Cis = ["5.2"],
            Mitre = ["T1078.004"],
            NextSteps = "Ask the user to register an MFA device and require it (an IAM policy denying actions without aws:MultiFactorAuthPresent); check the sign-in's source IP.",
            FalsePositives = ["Users in their first sign-in before enrolling MFA", "Federated providers listed in MfaLessFederatedProviders that enforce MFA themselves"],
            EventNames = EventNames.Of("ConsoleLogin"),
            Match = ConsoleWithoutMfa,
        };
        yield return new DetectionRule
        {
            Id = "signin.console-failures",
            Title = "Repeated console authentication failures",
            Severity = Severity.Medium,
            BestPractice = BestPractices.MonitorActivity,
            Cis = ["5.6"],
            Mitre = ["T1110"],
            NextSteps = "Check the source IPs and the user names tried; a password spray hits many users from few addresses; lock or reset targeted users.",
            FalsePositives = ["A user who forgot a changed password"],
            EventNames = EventNames.Of("ConsoleLogin"),
            Threshold = o => new RuleThreshold(o.ConsoleFailuresThreshold, o.ConsoleFailuresWindow),
            Match = (r, _) => !r.Succeeded() && (r.ErrorMessage ?? r.Text("errorMessage")) is { } message
                ? $"Console sign-in failed from {r.SourceIp}: {message}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "iam.api-without-mfa",
            Title = "IAM user changed resources in a session without MFA",
            Severity = Severity.Medium,
            BestPractice = BestPractices.EnableMfa,
            Mitre = ["T1078.004"],
            NextSteps = "Require MFA in the user's policies (aws:MultiFactorAuthPresent); check whether the key is used from its usual network.",
            FalsePositives = ["CLI users with long-term keys whose policies do not yet require MFA"],
            Match = ApiWithoutMfa,
        };
    }

    private static string? ConsoleWithoutMfa(ActivityRecorded record, DetectionContext context)
    {
        if (!record.Succeeded() || record.AdditionalData("MFAUsed") == "Yes") return null;
        if (record.IdentityType is IdentityTypes.IamUser or IdentityTypes.Root)
            return $"{(record.IdentityType == IdentityTypes.Root ? "Root" : "IAM user")} signed in to the console from {record.SourceIp} without MFA.";

        // Federated sign-ins log MFAUsed "No" whatever the identity provider enforced: only listed providers count.
        var provider = FederationProvider(record);
        if (provider is null) return null;
        var listed = context.Options.MfaLessFederatedProviders.FirstOrDefault(p =>
            string.Equals(p, provider, StringComparison.OrdinalIgnoreCase)
            || (provider.Contains(":saml-provider/", StringComparison.Ordinal) && string.Equals(p, provider[(provider.LastIndexOf('/') + 1)..], StringComparison.OrdinalIgnoreCase)));
        return listed is null ? null : $"Federated console sign-in through {provider} from {record.SourceIp} without MFA (provider listed as not enforcing MFA).";
    }

    /// <summary>The SAML provider ARN, "identity-center", "assumed-role" or "federated-user"; null for IAM users and root.</summary>
    public static string? FederationProvider(ActivityRecorded record)
    {
        if (record.AdditionalData("SamlProviderArn") is { Length: > 0 } saml) return saml;
        var arn = record.Text("userIdentity", "arn") ?? record.Principal;
        if (arn.Contains("AWSReservedSSO_", StringComparison.Ordinal) || record.IdentityType == IdentityTypes.IdentityCenterUser) return "identity-center";
        return record.IdentityType switch
        {
            IdentityTypes.AssumedRole => "assumed-role",
            IdentityTypes.FederatedUser => "federated-user",
            IdentityTypes.SamlUser => "saml",
            IdentityTypes.WebIdentityUser => "web-identity",
            _ => null,
        };
    }

    private static string? ApiWithoutMfa(ActivityRecorded record, DetectionContext context)
    {
        if (record.IdentityType != IdentityTypes.IamUser || record.EventName is not { } name || record.ReadOnly == true) return null;
        if (record.SessionMfaAuthenticated() != "false" || !record.Succeeded() || record.EventSource == "signin.amazonaws.com") return null;
        var level = ActionAccessLevels.Classify(name);
        return ActionAccessLevels.ChangesSomething(name)
            ? $"IAM user session without MFA called {record.EventSource}:{name} ({level}) from {record.SourceIp}."
            : null;
    }
}
