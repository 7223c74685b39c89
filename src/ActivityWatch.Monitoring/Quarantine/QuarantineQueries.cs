using Marten;

namespace ActivityWatch.Monitoring.Quarantine;

public static class QuarantineQueries
{
    public static async Task<IReadOnlyList<QuarantinedRecord>> ListAsync(
        this IQuerySession session, string? sourceObject, int limit, CancellationToken cancellationToken)
    {
        var query = session.Query<QuarantinedRecord>().AsQueryable();
        if (sourceObject is not null) query = query.Where(q => q.SourceObject == sourceObject);
        return await query.OrderBy(q => q.SourceObject).ThenBy(q => q.Position).Take(limit).ToListAsync(cancellationToken);
    }
}
