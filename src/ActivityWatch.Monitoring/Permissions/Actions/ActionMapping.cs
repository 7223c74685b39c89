namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>What IAM authorised one log record: actions such as "s3:GetObject", none, or unknown.</summary>
public sealed record ActionMapping(MappingKind Kind, IReadOnlyList<string> Actions, string? Reason = null)
{
    public static ActionMapping Of(params string[] actions) => new(MappingKind.Action, actions);

    public static ActionMapping None(string reason) => new(MappingKind.NoPermission, [], reason);

    public static ActionMapping Unknown(string reason) => new(MappingKind.Unknown, [], reason);

    public bool IsAction => Kind == MappingKind.Action;
}
