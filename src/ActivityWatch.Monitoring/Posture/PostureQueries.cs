using Marten;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>Reads the posture projections for reports.</summary>
public sealed class PostureQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<RootUsage>> RootUsageAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<RootUsage>().OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MfaPosture>> MfaAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<MfaPosture>().OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessKeyUsage>> AccessKeysAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<AccessKeyUsage>().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }
}
