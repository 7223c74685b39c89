namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>Where a report's "granted" comes from, so nothing is claimed that was not established.</summary>
public static class GrantsBasis
{
    /// <summary>An IAM import (get-account-authorization-details), plus CloudTrail's IAM changes since.</summary>
    public const string IamImport = "iam-import";

    /// <summary>No import: only the IAM changes CloudTrail logged, which show what changed while logs were kept, not what was granted before.</summary>
    public const string CloudTrailOnly = "cloudtrail-only";

    /// <summary>Nothing is known about what the principal is granted.</summary>
    public const string Unknown = "unknown";

    /// <summary>The root user: identity policies do not limit it.</summary>
    public const string Root = "root";

    /// <summary>The commands that give ActivityWatch what is granted.</summary>
    public const string Remedy =
        "Run `aws iam get-account-authorization-details > auth.json` with the account's credentials, then `activitywatch permissions import auth.json`.";
}
