namespace ActivityWatch.Training;

/// <summary>One warm record's features with the generator's ground truth, for the supervised model.</summary>
public sealed record LabelledRow(string Principal, DateTimeOffset Time, float[] Vector, bool Attack);
