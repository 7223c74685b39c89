using System.Text.Json;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>A search identifier: a map (every field condition holds) or a list of maps (any of them holds).</summary>
public sealed class SigmaSelection(IReadOnlyList<IReadOnlyList<SigmaFieldCondition>> alternatives)
{
    public bool Matches(JsonElement record) => alternatives.Any(map => map.All(condition => condition.Matches(record)));
}
