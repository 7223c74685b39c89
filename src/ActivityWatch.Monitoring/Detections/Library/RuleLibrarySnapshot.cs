using ActivityWatch.Monitoring.Detections.Evaluation;

namespace ActivityWatch.Monitoring.Detections.Library;

/// <summary>
/// The catalogue as a fold of the rule library's events: built-in rules, imported Sigma rules, and
/// each rule's enabled state over the event sequence. A record stored at sequence S is evaluated by
/// the rules active just before S, so a rule imported or switched at time T applies live from T on,
/// and the daemon re-running a page gets the same answer.
/// </summary>
public sealed class RuleLibrarySnapshot
{
    private readonly List<Entry> _entries;
    private readonly long[] _changes;
    private readonly Dictionary<int, RuleEvaluator> _evaluators = [];

    public sealed record Entry(DetectionRule Rule, long ActiveFrom, IReadOnlyList<(long Sequence, bool Enabled)> Toggles)
    {
        public bool EnabledAt(long sequence)
        {
            if (sequence <= ActiveFrom) return false;
            var enabled = true;
            foreach (var (at, state) in Toggles)
                if (at < sequence) enabled = state;
            return enabled;
        }

        public bool Enabled => EnabledAt(long.MaxValue);
    }

    public RuleLibrarySnapshot(IReadOnlyList<Entry> entries)
    {
        _entries = [.. entries];
        _changes = entries.Select(e => e.ActiveFrom).Concat(entries.SelectMany(e => e.Toggles.Select(t => t.Sequence)))
            .Where(s => s > 0).Distinct().Order().ToArray();
    }

    public IReadOnlyList<Entry> Entries => _entries;

    public Entry? Find(string id) => _entries.FirstOrDefault(e => e.Rule.Id == id);

    /// <summary>An evaluator of the rules active for a record stored at <paramref name="sequence"/>; one per stretch between changes.</summary>
    public RuleEvaluator EvaluatorAt(long sequence)
    {
        var segment = Array.BinarySearch(_changes, sequence);
        segment = segment >= 0 ? segment : ~segment;
        if (!_evaluators.TryGetValue(segment, out var evaluator))
        {
            evaluator = new RuleEvaluator(_entries.Where(e => e.EnabledAt(sequence)).Select(e => e.Rule));
            _evaluators[segment] = evaluator;
        }
        return evaluator;
    }
}
