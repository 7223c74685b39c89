using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Testing;

/// <summary>A dataset's order-independent views as sorted lines (see ViewSnapshots), and what two of them disagree on.</summary>
public static class ViewSnapshot
{
    public static Task<List<string>> TakeAsync(TestHost host) => host.Get<ViewSnapshots>().TakeAsync(CancellationToken.None);

    /// <summary>The lines only one of the two snapshots has, for an assertion message.</summary>
    public static string Difference(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        return $"{missing.Count} line(s) missing, {extra.Count} unexpected.\nmissing: {string.Join("\n  ", missing.Take(5))}\nunexpected: {string.Join("\n  ", extra.Take(5))}";
    }
}
