namespace ActivityWatch.Monitoring.Permissions.Hygiene;

/// <summary>Rule ids and thresholds (CIS AWS Foundations 2.11 and 2.12; IAM best practices "Do not share access keys", "Use roles").</summary>
public static class HygieneRules
{
    public const string KeyNotRotated = "permissions.access-key-not-rotated";
    public const string KeyUnused = "permissions.access-key-unused";
    public const string PasswordUnused = "permissions.password-unused";
    public const string KeyShared = "permissions.access-key-many-networks";
    public const string KeyEverydayWork = "permissions.long-term-key-everyday-work";
    public const string RootAccessKey = "permissions.root-access-key-used";

    public const int RotationDays = 90;
    public const int UnusedDays = 45;

    /// <summary>Distinct /24 (/48) networks for one key within one hour.</summary>
    public const int SharedNetworks = 4;

    /// <summary>Days with calls in the last 30 that make a key "everyday" use.</summary>
    public const int EverydayDays = 10;
}
