using Microsoft.Extensions.FileSystemGlobbing;

namespace ActivityWatch.Ingestion.Objects;

/// <summary>Turns the paths a user names (files, folders, globs such as logs/**/*.json.gz) into files.</summary>
public static class LocalFileFinder
{
    public static IReadOnlyList<LocalLogFile> Find(IEnumerable<string> paths)
    {
        var found = new SortedDictionary<string, FileInfo>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var file = new FileInfo(path);
                found[file.FullName] = file;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories))
                    found[file.FullName] = file;
            }
            else if (path.IndexOfAny(['*', '?']) >= 0)
            {
                var (root, pattern) = SplitGlob(path);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                foreach (var match in matcher.GetResultsInFullPath(root))
                    found[match] = new FileInfo(match);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }
        // Oldest delivery first (names without a delivery time keep their path order, first).
        return DeliveryTime.Order(found.Values.Where(f => !IsHidden(f)), f => f.FullName)
            .Select(f => new LocalLogFile(f))
            .ToList();
    }

    private static (string Root, string Pattern) SplitGlob(string path)
    {
        var full = Path.GetFullPath(path);
        var segments = full.Split(Path.DirectorySeparatorChar);
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = string.Join(Path.DirectorySeparatorChar, segments[..firstWild]);
        return (root.Length == 0 ? "/" : root, string.Join('/', segments[firstWild..]));
    }

    private static bool IsHidden(FileInfo file) => file.Name.StartsWith('.');
}
