using System.Globalization;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>MFA devices removed, credentials made for another user, and password policies weakened.</summary>
public static class CredentialRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "iam.mfa-device-removed",
            Title = "MFA device deactivated or deleted",
            Severity = Severity.High,
            BestPractice = BestPractices.EnableMfa,
            Mitre = ["T1556.006"],
            NextSteps = "Confirm with the user (a lost phone); re-enrol MFA; if unexpected, the next sign-ins without MFA are suspect.",
            FalsePositives = ["A user replacing a lost or new device"],
            EventNames = EventNames.Of("DeactivateMFADevice", "DeleteVirtualMFADevice"),
            Match = (r, _) => r.Succeeded()
                ? $"{r.EventName} for {r.RequestParameter("userName") ?? r.UserName() ?? "the caller"} (device {r.RequestParameter("serialNumber") ?? "unknown"}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "iam.backdoor-credentials",
            Title = "Console password or access key created or changed for another user",
            Severity = Severity.High,
            BestPractice = BestPractices.DoNotShareAccessKeys,
            Mitre = ["T1098.001"],
            NextSteps = "Ask the target user whether they asked for it; delete the key or login profile if not; review what the creator did before.",
            FalsePositives = ["Administrators issuing first credentials to a new user", "Help-desk password resets"],
            EventNames = EventNames.Of("CreateLoginProfile", "UpdateLoginProfile", "CreateAccessKey", "UpdateAccessKey"),
            Match = Backdoor,
        };
        yield return new DetectionRule
        {
            Id = "iam.password-policy-weakened",
            Title = "Account password policy weakened or deleted",
            Severity = Severity.Medium,
            BestPractice = BestPractices.StrongPasswordPolicy,
            Mitre = ["T1556"],
            NextSteps = "Restore the policy to the CIS baseline (14 characters, 24 passwords remembered).",
            FalsePositives = ["Policy migrations that briefly set defaults"],
            EventNames = EventNames.Of("UpdateAccountPasswordPolicy", "DeleteAccountPasswordPolicy"),
            Match = PasswordPolicy,
        };
    }

    private static string? Backdoor(ActivityRecorded record, DetectionContext context)
    {
        if (!record.Succeeded()) return null;
        // No userName means the caller acts on its own credentials.
        var target = record.RequestParameter("userName");
        if (string.IsNullOrEmpty(target)) return null;
        if (record.IdentityType == IdentityTypes.IamUser && string.Equals(target, record.UserName(), StringComparison.OrdinalIgnoreCase)) return null;
        // Re-enabling a key is a change worth raising; deactivating one is not a backdoor.
        if (record.EventName == "UpdateAccessKey" && record.RequestParameter("status") != "Active") return null;
        var what = record.EventName switch
        {
            "CreateLoginProfile" => "created a console password",
            "UpdateLoginProfile" => "changed the console password",
            "CreateAccessKey" => "created an access key",
            _ => $"re-activated access key {record.RequestParameter("accessKeyId")}",
        };
        return $"{record.Principal} {what} for user {target} from {record.SourceIp}.";
    }

    private static string? PasswordPolicy(ActivityRecorded record, DetectionContext context)
    {
        if (!record.Succeeded()) return null;
        if (record.EventName == "DeleteAccountPasswordPolicy") return $"The account password policy was deleted by {record.Principal}: AWS defaults apply.";
        var options = context.Options;
        var weaknesses = new List<string>();
        var length = Number(record.RequestParameter("minimumPasswordLength"));
        if (length is null || length < options.MinimumPasswordLength) weaknesses.Add($"minimum length {length?.ToString(CultureInfo.InvariantCulture) ?? "unset"} < {options.MinimumPasswordLength}");
        var reuse = Number(record.RequestParameter("passwordReusePrevention"));
        if (reuse is null || reuse < options.MinimumPasswordReusePrevention) weaknesses.Add($"reuse prevention {reuse?.ToString(CultureInfo.InvariantCulture) ?? "unset"} < {options.MinimumPasswordReusePrevention}");
        return weaknesses.Count == 0 ? null : $"Password policy set below the baseline by {record.Principal}: {string.Join("; ", weaknesses)}.";
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
