namespace ActivityWatch.Training;

/// <summary>One warm record's features with the generator's ground truth, for the supervised model.</summary>
/// <param name="Scenario">The injected attack the record belongs to (null: benign, or an attack of unknown origin).</param>
/// <param name="Kind">The attack's class, which the attack-class model learns to tell apart.</param>
public sealed record LabelledRow(string Principal, DateTimeOffset Time, float[] Vector, bool Attack, string? Scenario = null, string? Kind = null);
