namespace ActivityWatch.Anomalies.Profiles;

/// <summary>
/// The profiles in memory, with the ones changed since the last flush. The live scorer fills it
/// from PostgreSQL before a page of events and writes the changed ones back after; training and
/// the evaluation harness use it on its own.
/// </summary>
public sealed class ProfileBook
{
    private readonly Dictionary<string, PrincipalProfile> _profiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public int Count => _profiles.Count;

    public bool Contains(string id) => _profiles.ContainsKey(id);

    public void Add(PrincipalProfile profile) => _profiles[profile.Id] = profile;

    public PrincipalProfile? Find(string id) => _profiles.GetValueOrDefault(id);

    public PrincipalProfile GetOrCreate(string id)
    {
        if (!_profiles.TryGetValue(id, out var profile))
        {
            profile = new PrincipalProfile { Id = id };
            _profiles[id] = profile;
        }
        return profile;
    }

    public void MarkChanged(string id) => _changed.Add(id);

    public IReadOnlyList<PrincipalProfile> TakeChanged()
    {
        var changed = _changed.Select(id => _profiles[id]).ToList();
        _changed.Clear();
        return changed;
    }

    public IEnumerable<PrincipalProfile> All => _profiles.Values;

    public void Clear()
    {
        _profiles.Clear();
        _changed.Clear();
    }
}
