using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Timeline.Principals;

/// <summary>Names an event's access level through the permissions module's event-to-action mapping and action catalogue.</summary>
public sealed class AccessLevelNames(ActionCatalog catalog)
{
    public const string Unknown = "Unknown";

    public static readonly IReadOnlyList<string> Ordered =
        ["List", "Read", "Tagging", "Write", "Permissions management", Unknown];

    /// <summary>
    /// The action (or, for an access log operation whose action depends on the line's key or
    /// version, each action it can be: "s3:GetBucketAcl or s3:GetObjectAcl") and its access level.
    /// </summary>
    public (string? Action, string Level) Classify(string? source, string? eventSource, string? eventName)
    {
        if (source == LogSources.S3Access)
        {
            if (S3AccessLogOperations.Find(eventName) is not { NoPermission: null } operation) return (null, Unknown);
            var candidates = operation.AllActions.ToList();
            return (string.Join(" or ", candidates), Level(candidates));
        }
        var mapping = ActionMapper.Default.Map(eventSource, eventName);
        if (!mapping.IsAction || mapping.Actions.Count == 0) return (null, Unknown);
        // Several actions (e.g. CopyObject): the call needed all of them; the highest level describes it.
        return (string.Join(", ", mapping.Actions), Level(mapping.Actions));
    }

    private string Level(IEnumerable<string> actions) => AccessLevels.Name(actions.Max(a => catalog.Describe(a).Level));
}
