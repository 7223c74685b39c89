using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// The actions ActivityWatch knows, with their access levels: the built-in table, or a full
/// catalogue file laid over it. Wildcards expand against it; actions it lacks still get a
/// level, from the verb, flagged as heuristic.
/// </summary>
public sealed class ActionCatalog
{
    private readonly Dictionary<string, Dictionary<string, ActionInfo>> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> _expansions = new(StringComparer.OrdinalIgnoreCase);

    public ActionCatalog(string source, IEnumerable<ActionInfo> actions)
    {
        Source = source;
        foreach (var action in actions) Add(action);
    }

    /// <summary>"built-in", or the catalogue file(s) it was loaded from.</summary>
    public string Source { get; }

    public IReadOnlyCollection<string> Services => _services.Keys;

    public int Count => _services.Values.Sum(s => s.Count);

    public bool KnowsService(string service) => _services.ContainsKey(service);

    public IEnumerable<ActionInfo> All => _services.Values.SelectMany(s => s.Values);

    public IEnumerable<ActionInfo> ServiceActions(string service) =>
        _services.TryGetValue(service, out var actions) ? actions.Values : [];

    /// <summary>Whether the catalogue lists the action (case-insensitive, as IAM matches actions).</summary>
    public bool Contains(string action)
    {
        var colon = action.IndexOf(':');
        return colon > 0 && _services.TryGetValue(action[..colon], out var actions) && actions.ContainsKey(action[(colon + 1)..]);
    }

    public ActionInfo Describe(string action)
    {
        var colon = action.IndexOf(':');
        if (colon > 0 && _services.TryGetValue(action[..colon], out var actions) && actions.TryGetValue(action[(colon + 1)..], out var info))
            return info;
        var name = colon > 0 ? action[(colon + 1)..] : action;
        var service = colon > 0 ? action[..colon].ToLowerInvariant() : "";
        return new ActionInfo($"{service}:{name}", VerbHeuristics.Classify(name), Heuristic: true);
    }

    /// <summary>The catalogue's actions an Action/NotAction pattern names (cached: policies repeat patterns).</summary>
    public IReadOnlyList<string> Expand(string pattern)
    {
        lock (_expansions)
        {
            if (_expansions.TryGetValue(pattern, out var cached)) return cached;
        }
        var service = ActionPattern.ServiceOf(pattern);
        IEnumerable<ActionInfo> candidates = service is null ? All : ServiceActions(service);
        var matches = candidates.Where(a => ActionPattern.Matches(pattern, a.Action)).Select(a => a.Action).ToArray();
        lock (_expansions) _expansions[pattern] = matches;
        return matches;
    }

    /// <summary>A copy with <paramref name="overlay"/>'s actions replacing this catalogue's.</summary>
    public ActionCatalog With(ActionCatalog overlay) =>
        new($"{overlay.Source} (over {Source})", All.Where(a => !overlay.KnowsService(a.Service)).Concat(overlay.All));

    private void Add(ActionInfo action)
    {
        if (!_services.TryGetValue(action.Service, out var actions))
            _services[action.Service] = actions = new Dictionary<string, ActionInfo>(StringComparer.OrdinalIgnoreCase);
        actions[action.Name] = action;
    }
}
