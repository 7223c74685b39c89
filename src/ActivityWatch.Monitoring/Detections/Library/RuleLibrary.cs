using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ActivityWatch.Monitoring.Detections.Sigma;
using Marten;

namespace ActivityWatch.Monitoring.Detections.Library;

/// <summary>
/// The rule catalogue every node shares: built-in rules plus Sigma rules imported as events in
/// PostgreSQL, each enabled or disabled by events. Used by the live detection (per page), replay,
/// the CLI and the API.
/// </summary>
public sealed class RuleLibrary(IDocumentStore store, TimeProvider time)
{
    public const string StreamKey = "rules:library";

    // Compiling is a pure function of the stored text: cached by its hash so a page does not re-parse YAML.
    private static readonly ConcurrentDictionary<string, DetectionRule> Compiled = new(StringComparer.Ordinal);

    public sealed record ImportOutcome(string File, string? RuleId, string? Title, string? Error);

    public async Task<RuleLibrarySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await LoadAsync(session, cancellationToken);
    }

    public static async Task<RuleLibrarySnapshot> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(StreamKey, token: cancellationToken);
        var imported = new Dictionary<string, (DetectionRule Rule, long From)>(StringComparer.Ordinal);
        var toggles = new Dictionary<string, List<(long, bool)>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case SigmaRuleImported sigma when Compile(sigma) is { } rule:
                    imported[sigma.RuleId] = (rule, e.Sequence);
                    toggles.Remove(sigma.RuleId);
                    break;
                case RuleEnabled enabled:
                    Toggles(enabled.RuleId).Add((e.Sequence, true));
                    break;
                case RuleDisabled disabled:
                    Toggles(disabled.RuleId).Add((e.Sequence, false));
                    break;
            }
        }
        var entries = DetectionCatalogue.Rules.Select(r => new RuleLibrarySnapshot.Entry(r, 0, toggles.GetValueOrDefault(r.Id) ?? []))
            .Concat(imported.OrderBy(i => i.Value.From).Select(i => new RuleLibrarySnapshot.Entry(i.Value.Rule, i.Value.From, toggles.GetValueOrDefault(i.Key) ?? [])))
            .ToList();
        return new RuleLibrarySnapshot(entries);

        List<(long, bool)> Toggles(string id) => toggles.TryGetValue(id, out var list) ? list : toggles[id] = [];
    }

    /// <summary>Parses every file; stores those that compile (one event each), refuses the others with the construct named.</summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportSigmaAsync(IEnumerable<(string File, string Yaml)> files, string by, CancellationToken cancellationToken)
    {
        var outcomes = new List<ImportOutcome>();
        var accepted = new List<SigmaRuleImported>();
        foreach (var (file, yaml) in files)
        {
            try
            {
                var definition = SigmaRuleParser.Parse(file, yaml);
                if (DetectionCatalogue.Find(definition.RuleId) is not null || accepted.Any(a => a.RuleId == definition.RuleId))
                    throw new SigmaRuleException(file, "id", $"{definition.RuleId} is already taken by another rule of this import or a built-in rule");
                accepted.Add(new SigmaRuleImported(definition.RuleId, file, yaml, by, time.GetUtcNow()));
                outcomes.Add(new ImportOutcome(file, definition.RuleId, definition.Title, null));
            }
            catch (SigmaRuleException e)
            {
                outcomes.Add(new ImportOutcome(file, null, null, $"{e.Construct}: {e.Reason}"));
            }
        }
        if (accepted.Count > 0)
        {
            await using var session = store.LightweightSession();
            session.Events.Append(StreamKey, accepted.Cast<object>().ToArray());
            await session.SaveChangesAsync(cancellationToken);
        }
        return outcomes;
    }

    /// <summary>False when no rule has that id.</summary>
    public async Task<bool> SetEnabledAsync(string ruleId, bool enabled, string by, string? note, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(cancellationToken);
        if (snapshot.Find(ruleId) is null) return false;
        await using var session = store.LightweightSession();
        session.Events.Append(StreamKey, enabled ? new RuleEnabled(ruleId, by, time.GetUtcNow()) : new RuleDisabled(ruleId, by, note, time.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static DetectionRule? Compile(SigmaRuleImported imported)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(imported.File + "\n" + imported.Yaml)));
        if (Compiled.TryGetValue(key, out var rule)) return rule;
        try
        {
            rule = SigmaRuleParser.Parse(imported.File, imported.Yaml).ToRule();
        }
        catch (SigmaRuleException)
        {
            // Stored by an engine that accepted more than this one does: left out, never run approximately.
            return null;
        }
        return Compiled[key] = rule;
    }
}
