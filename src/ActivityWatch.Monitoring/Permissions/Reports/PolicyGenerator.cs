using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.LastUsed;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// A least-privilege identity policy from observed actions: one Allow statement per service and
/// resource set, actions and resources sorted, resource ARNs where the logs showed them, else
/// "*". Documents are split (never widened) to stay within IAM's size limit. With a catalogue,
/// only actions it lists are emitted; <paramref name="alerted"/> actions are left out. Both are
/// listed in <see cref="GeneratedPolicy.LeftOut"/> so nothing disappears silently.
/// </summary>
public static class PolicyGenerator
{
    /// <summary>IAM quota: customer managed policy document size, whitespace excluded.</summary>
    public const int ManagedPolicyLimit = 6_144;

    /// <summary>Beyond this many distinct resources an action's statement uses "*" (a list that long is not least privilege any more, just noise).</summary>
    public const int MaxResourcesPerAction = 20;

    public static GeneratedPolicy Generate(string principal, DateTimeOffset? since, IEnumerable<ActionUse> uses,
        IReadOnlyDictionary<string, IReadOnlyList<string>> resources, int limit = ManagedPolicyLimit,
        ActionCatalog? catalog = null, IReadOnlyDictionary<string, LeftOutAction>? alerted = null)
    {
        var notes = new List<string>();
        var leftOut = new List<LeftOutAction>();
        var calls = uses.Where(u => u.Calls > 0).GroupBy(u => u.Action, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(u => u.Calls), StringComparer.Ordinal);
        var actions = new List<string>();
        foreach (var action in calls.Keys.Order(StringComparer.Ordinal))
        {
            if (catalog is not null && !catalog.Contains(action))
                leftOut.Add(new LeftOutAction(action, LeftOutAction.NotInCatalogue, calls[action], []));
            else if (alerted is not null && alerted.TryGetValue(action, out var incident))
                leftOut.Add(incident);
            else
                actions.Add(action);
        }
        var statements = actions
            .Select(a => (Action: a, Service: a[..a.IndexOf(':')], Resources: ResourcesFor(a, resources)))
            .GroupBy(a => (a.Service, Key: string.Join('\n', a.Resources)))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select((g, i) => Statement(g.Key.Service, i + 1, g.Select(a => a.Action).ToList(), g.First().Resources))
            .ToList();

        var documents = new List<JsonObject>();
        var current = new List<JsonObject>();
        foreach (var statement in statements)
        {
            if (current.Count > 0 && Size(Document(current.Append(statement))) > limit)
            {
                documents.Add(Document(current));
                current = [];
            }
            current.Add(statement);
        }
        if (current.Count > 0 || documents.Count == 0) documents.Add(Document(current));
        if (documents.Count > 1)
            notes.Add($"Split into {documents.Count} documents to stay within IAM's {limit:N0}-character managed policy limit; attach all of them.");
        if (documents.Any(d => Size(d) > limit))
            notes.Add("A single statement is larger than the limit: it lists too many resources; replace them with a wildcard ARN by hand.");
        if (calls.Count == 0) notes.Add("No successful calls were observed in the period: the policy allows nothing.");
        else if (actions.Count == 0) notes.Add("Every observed action was left out (see the warnings): the policy allows nothing.");
        return new GeneratedPolicy(principal, since, documents, notes, leftOut);
    }

    /// <summary>Characters IAM counts: the document without whitespace outside strings.</summary>
    public static int Size(JsonObject document) => document.ToJsonString().Length;

    private static IReadOnlyList<string> ResourcesFor(string action, IReadOnlyDictionary<string, IReadOnlyList<string>> resources) =>
        resources.TryGetValue(action, out var list) && list.Count > 0 && list.Count <= MaxResourcesPerAction
            ? list.Order(StringComparer.Ordinal).ToList()
            : ["*"];

    private static JsonObject Statement(string service, int index, IReadOnlyList<string> actions, IReadOnlyList<string> resources) => new()
    {
        ["Sid"] = $"{new string(service.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant()}{index}",
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["Resource"] = resources.Count == 1 ? JsonValue.Create(resources[0]) : new JsonArray(resources.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
    };

    private static JsonObject Document(IEnumerable<JsonObject> statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(statements.Select(s => (JsonNode)s.DeepClone()).ToArray()),
    };
}
