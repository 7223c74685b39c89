namespace ActivityWatch.Training;

/// <summary>
/// The threshold from the alert budget: the highest score of each principal-day of training
/// history, sorted; the threshold lets through only as many principal-days as the budget allows.
/// </summary>
public static class ThresholdCalibration
{
    public static (double Threshold, long PrincipalDays) Calibrate(IReadOnlyList<TrainingRow> rows, float[] scores, TrainerSettings settings)
    {
        var dayMax = new Dictionary<(string, DateOnly), float>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = (rows[i].Principal, DateOnly.FromDateTime(rows[i].Time.UtcDateTime));
            if (!dayMax.TryGetValue(key, out var max) || scores[i] > max) dayMax[key] = scores[i];
        }
        if (dayMax.Count == 0) return (1, 0);
        var sorted = dayMax.Values.OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(settings.AlertBudgetPerThousandPrincipalDays * sorted.Length / 1000.0);
        var at = Math.Min(allowed, sorted.Length - 1);
        return (Math.Max(1e-3, sorted[at] * settings.ThresholdMargin), sorted.Length);
    }
}
