using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Api.Principals;

/// <summary>Names an event's access level through the permissions module's event-to-action mapping and action catalogue.</summary>
public sealed class AccessLevelNames(ActionCatalog catalog)
{
    public const string Unknown = "Unknown";

    public static readonly IReadOnlyList<string> Ordered =
        ["List", "Read", "Tagging", "Write", "Permissions management", Unknown];

    public (string? Action, string Level) Classify(string? eventSource, string? eventName)
    {
        var mapping = ActionMapper.Default.Map(eventSource, eventName);
        if (!mapping.IsAction || mapping.Actions.Count == 0) return (null, Unknown);
        // Several actions (e.g. CopyObject): the call needed all of them; the highest level describes it.
        var levels = mapping.Actions.Select(a => catalog.Describe(a).Level).ToList();
        return (string.Join(", ", mapping.Actions), AccessLevels.Name(levels.Max()));
    }
}
