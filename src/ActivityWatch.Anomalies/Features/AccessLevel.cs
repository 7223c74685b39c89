namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// The IAM access level of a call, from its name alone (the verb convention AWS APIs follow).
/// A small built-in fallback: the full catalogue lives under Monitoring/Permissions.
/// Weights: permissions management weighs most, listing least.
/// </summary>
public static class AccessLevel
{
    private static readonly string[] PermissionVerbs =
    [
        "CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile", "AttachUserPolicy", "AttachRolePolicy",
        "AttachGroupPolicy", "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicyVersion",
        "SetDefaultPolicyVersion", "UpdateAssumeRolePolicy", "AddUserToGroup", "CreateUser", "CreateRole",
        "PassRole", "PutBucketPolicy", "PutBucketAcl", "PutKeyPolicy", "CreateGrant", "DeleteRolePermissionsBoundary",
        "DeleteUserPermissionsBoundary", "UpdateAccessKey", "DeactivateMFADevice", "DeleteBucketPolicy",
        "PutResourcePolicy", "AddPermission", "PutObjectAcl",
    ];

    // Logging tampering disarms detection: as sensitive as changing permissions.
    private static readonly string[] DefenceEvasion =
    [
        "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "DeleteFlowLogs", "DeleteDetector",
        "StopConfigurationRecorder", "DeleteConfigurationRecorder", "DisableSecurityHub", "DeleteLogGroup",
    ];

    public static float Weight(string? eventName, bool? readOnly)
    {
        if (string.IsNullOrEmpty(eventName)) return 0.2f;
        if (eventName.StartsWith("REST.", StringComparison.Ordinal))
            return eventName.StartsWith("REST.GET", StringComparison.Ordinal) || eventName.StartsWith("REST.HEAD", StringComparison.Ordinal) ? 0.3f : 0.6f;
        if (Array.IndexOf(PermissionVerbs, eventName) >= 0 || Array.IndexOf(DefenceEvasion, eventName) >= 0) return 1f;
        if (eventName is "GetSecretValue" or "GetParameter" or "GetParameters" or "GetParametersByPath" or "Decrypt") return 0.6f;
        if (eventName.StartsWith("List", StringComparison.Ordinal) || eventName.StartsWith("Describe", StringComparison.Ordinal)) return 0.1f;
        if (eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("Head", StringComparison.Ordinal) || readOnly == true) return 0.3f;
        if (eventName.StartsWith("Tag", StringComparison.Ordinal) || eventName.StartsWith("Untag", StringComparison.Ordinal)) return 0.3f;
        return 0.6f;
    }

    public static bool IsWrite(string? eventName, bool? readOnly)
    {
        if (readOnly is { } known) return !known;
        if (string.IsNullOrEmpty(eventName)) return false;
        if (eventName.StartsWith("REST.", StringComparison.Ordinal))
            return !(eventName.StartsWith("REST.GET", StringComparison.Ordinal) || eventName.StartsWith("REST.HEAD", StringComparison.Ordinal));
        return !(eventName.StartsWith("List", StringComparison.Ordinal) || eventName.StartsWith("Describe", StringComparison.Ordinal)
                 || eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("Head", StringComparison.Ordinal)
                 || eventName.StartsWith("Lookup", StringComparison.Ordinal));
    }
}
