using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Monitoring.Detections.Reading;

/// <summary>
/// The access level of the action a CloudTrail eventName names. Uses the permissions module's
/// verb heuristics (Create/Put/Delete/Update/Attach/... are Write, with policy nouns Permissions
/// management); the one place to switch to the full IAM action catalogue once rules need it.
/// </summary>
public static class ActionAccessLevels
{
    public static AccessLevel Classify(string eventName) => VerbHeuristics.Classify(eventName);

    public static bool ChangesSomething(string eventName) =>
        Classify(eventName) is AccessLevel.Write or AccessLevel.PermissionsManagement;
}
