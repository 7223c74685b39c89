namespace ActivityWatch.Cli.Output;

/// <summary>A plain text table: columns as wide as their widest cell, capped so a row fits a terminal.</summary>
public static class Table
{
    /// <param name="empty">What to print instead of an empty table: what is empty, and why.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, int maxColumnWidth = 48, string? empty = null)
    {
        var cells = rows.Select(r => r.Select(c => Clip(c ?? "-", maxColumnWidth)).ToArray()).ToList();
        if (cells.Count == 0 && empty is not null)
        {
            writer.WriteLine(empty);
            return;
        }
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells) writer.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }

    private static string Clip(string value, int width) => value.Length <= width ? value : value[..(width - 1)] + "…";
}
