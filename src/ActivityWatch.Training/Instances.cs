namespace ActivityWatch.Training;

/// <summary>
/// The records a per-attack, per-principal-day judgement turns on: the best-scoring records of
/// each injected attack and of each benign principal-day (see <see cref="ClassifierTrainer"/>).
/// </summary>
public static class Instances
{
    /// <summary>The attack a record belongs to; records without a scenario are grouped by principal and day.</summary>
    public static string AttackOf(LabelledRow row) => row.Scenario ?? $"{row.Principal}|{DateOnly.FromDateTime(row.Time.UtcDateTime)}";

    public static List<LabelledRow> Best(IReadOnlyList<LabelledRow> rows, Func<float[], float> score, int perAttack, int perBenignDay)
    {
        var groups = new Dictionary<string, List<(float Score, LabelledRow Row)>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = row.Attack ? "a|" + AttackOf(row) : $"b|{row.Principal}|{DateOnly.FromDateTime(row.Time.UtcDateTime)}";
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add((score(row.Vector), row));
        }
        var chosen = new List<LabelledRow>();
        foreach (var (key, list) in groups)
        {
            var take = key[0] == 'a' ? perAttack : perBenignDay;
            chosen.AddRange(list.OrderByDescending(x => x.Score).Take(take).Select(x => x.Row));
        }
        return chosen;
    }

    /// <summary>
    /// An attack's record as seen, and as it would be had the attacker avoided any one of its strong
    /// signals (copied the client string, kept to the victim's usual network or calls): the model then
    /// cannot lean on one signal the generator happens to give every attack of a class, and learns each
    /// on its own. A record with a single strong signal is kept as it is.
    /// </summary>
    public static IEnumerable<float[]> WithoutOneSignal(float[] vector)
    {
        yield return vector;
        var strong = 0;
        foreach (var value in vector) if (value >= 0.5f) strong++;
        if (strong < 2) yield break;
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] < 0.5f) continue;
            var copy = (float[])vector.Clone();
            copy[i] = 0;
            yield return copy;
        }
    }
}
