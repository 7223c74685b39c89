using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Query;

namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>
/// The timeline with one principal per role: a principal filter reads every form the logs name
/// the role by, and each S3 access log row that names a role without its path shows the role's
/// ARN (or is marked unresolved when no role of that name is known). The stored rows keep what
/// was logged; this is done as they are read, so it never depends on the order they arrived in.
/// </summary>
public sealed class ResolvedTimeline(TimelineQueries timeline, RoleDirectoryQueries roles)
{
    public async Task<IReadOnlyList<TimelineEntry>> SearchAsync(TimelineFilter filter, CancellationToken cancellationToken)
    {
        var (widened, directory) = await WidenAsync(filter, cancellationToken);
        return await ResolveAsync(await timeline.SearchAsync(widened, cancellationToken), directory, cancellationToken);
    }

    /// <summary>How many records match, the cursor ignored and the principals widened as for a search; no further than <paramref name="cap"/>.</summary>
    public async Task<long> CountAsync(TimelineFilter filter, long cap, CancellationToken cancellationToken) =>
        await timeline.CountAsync((await WidenAsync(filter, cancellationToken)).Filter, cap, cancellationToken);

    public async Task<IReadOnlyList<TimelineBucket>> HistogramAsync(TimelineFilter filter, TimeSpan bucket, CancellationToken cancellationToken) =>
        await timeline.HistogramAsync((await WidenAsync(filter, cancellationToken)).Filter, bucket, cancellationToken);

    /// <summary>The principal filter and the query's exact principal terms, each widened to every form of that principal.</summary>
    private async Task<(TimelineFilter Filter, RoleDirectory? Directory)> WidenAsync(TimelineFilter filter, CancellationToken cancellationToken)
    {
        var named = string.IsNullOrWhiteSpace(filter.Query) ? [] : PrincipalAliases.Named(TimelineQueryParser.Parse(filter.Query)).Distinct(StringComparer.Ordinal).ToList();
        if (filter.Principal is null && named.Count == 0) return (filter, null);
        var directory = await roles.LoadAsync(cancellationToken);
        if (filter.Principal is { } principal) filter = filter with { Principal = null, Principals = directory.Aliases(principal) };
        if (named.Count > 0) filter = filter with { QueryPrincipalAliases = named.ToDictionary(n => n, directory.Aliases, StringComparer.Ordinal) };
        return (filter, directory);
    }

    /// <summary>Entries with access-log role principals resolved; the directory is read only when a page has such a row.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ResolveAsync(IReadOnlyList<TimelineEntry> entries, RoleDirectory? directory, CancellationToken cancellationToken)
    {
        if (!entries.Any(NeedsResolving)) return entries;
        directory ??= await roles.LoadAsync(cancellationToken);
        return entries.Select(e =>
        {
            if (!NeedsResolving(e)) return e;
            var (resolved, form) = directory.Resolve(e.Principal);
            return form == PrincipalForm.Exact ? e : e with { Principal = resolved, LoggedPrincipal = e.Principal, PrincipalForm = form.ToString().ToLowerInvariant() };
        }).ToList();
    }

    private static bool NeedsResolving(TimelineEntry entry) =>
        entry.Source == LogSources.S3Access && RoleArn.TryParse(entry.Principal, out var role) && !role.HasPath;
}
