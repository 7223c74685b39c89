namespace ActivityWatch.Monitoring.Detections.Catalogue;

internal static class EventNames
{
    public static IReadOnlySet<string> Of(params string[] names) => names.ToHashSet(StringComparer.Ordinal);
}
