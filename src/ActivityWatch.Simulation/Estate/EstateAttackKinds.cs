namespace ActivityWatch.Simulation.Estate;

/// <summary>Quiet attack classes drawn from real incidents: each looks like a day's normal work in most respects.</summary>
public static class EstateAttackKinds
{
    /// <summary>A leaked long-term key used from a cloud or hosting network, calling what its owner usually calls.</summary>
    public const string LeakedKeyFromCloud = "leaked-key-from-cloud";

    /// <summary>One new List/Describe/Get every half hour or so, for a working day.</summary>
    public const string DiscoverySpreadThin = "discovery-spread-thin";

    /// <summary>An access key created for oneself, then used soon after from elsewhere.</summary>
    public const string SelfCreatedAccessKey = "self-created-access-key";

    /// <summary>Many times the usual reads of data the principal can read, at its normal hours, from its usual place.</summary>
    public const string BulkReadAtNormalHours = "bulk-read-at-normal-hours";

    /// <summary>iam:PassRole of a powerful role to a new Lambda function or EC2 instance.</summary>
    public const string PassRoleToNewCompute = "passrole-to-new-compute";

    /// <summary>A role the principal never assumed, then used from its usual place.</summary>
    public const string FirstAssumedRole = "first-assumed-role";

    /// <summary>Logging or threat detection switched off by a principal that administers it.</summary>
    public const string GuardrailDisabledByAdmin = "guardrail-disabled-by-admin";

    public static IReadOnlyList<string> All { get; } =
    [
        LeakedKeyFromCloud, DiscoverySpreadThin, SelfCreatedAccessKey, BulkReadAtNormalHours,
        PassRoleToNewCompute, FirstAssumedRole, GuardrailDisabledByAdmin,
    ];

    /// <summary>"estate-07-first-assumed-role" -> "first-assumed-role".</summary>
    public static string KindOf(string scenario) => All.FirstOrDefault(kind => scenario.EndsWith(kind, StringComparison.Ordinal)) ?? scenario;

    public static string ScenarioId(int index, string kind) => $"estate-{index + 1:D2}-{kind}";
}
