using System.Text.Json;
using Marten;

namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>`permissions import`: a get-account-authorization-details file becomes one IamAuthorizationImported event.</summary>
public sealed class IamImporter(IDocumentStore store)
{
    public async Task<IamAuthorizationImported> ImportAsync(string path, DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var snapshot = AuthorizationDetailsParser.Parse(document.RootElement);
        var imported = new IamAuthorizationImported(snapshot.AccountId, capturedAt, Path.GetFileName(path), snapshot);
        await using var session = store.LightweightSession();
        // The same file for the same moment again (a re-run of start.sh): the state would not change, so nothing is stored.
        var earlier = await session.Events.QueryRawEventDataOnly<IamAuthorizationImported>()
            .Where(e => e.AccountId == snapshot.AccountId).ToListAsync(cancellationToken);
        if (earlier.FirstOrDefault(e => e.CapturedAt == capturedAt && e.Source == imported.Source) is { } same) return same;
        session.Events.Append(IamAuthorizationImported.StreamId(snapshot.AccountId), imported);
        await session.SaveChangesAsync(cancellationToken);
        return imported;
    }
}
