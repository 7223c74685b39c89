namespace ActivityWatch.Monitoring.Permissions.Actions;

public enum MappingKind
{
    /// <summary>The record was authorised by one or more IAM actions.</summary>
    Action,

    /// <summary>The record needs no IAM permission (sign-in events, sts:GetCallerIdentity, S3 lifecycle work).</summary>
    NoPermission,

    /// <summary>ActivityWatch does not know the event source or operation: never guessed.</summary>
    Unknown,
}
