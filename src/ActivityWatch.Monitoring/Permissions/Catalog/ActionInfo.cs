namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <param name="Action">"service:Name" with the catalogue's spelling.</param>
/// <param name="Heuristic">True when the level was guessed from the verb, not read from a catalogue.</param>
public sealed record ActionInfo(string Action, AccessLevel Level, bool Heuristic)
{
    public string Service => Action[..Action.IndexOf(':')];
    public string Name => Action[(Action.IndexOf(':') + 1)..];
}
