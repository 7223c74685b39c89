using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using Marten;

namespace ActivityWatch.Anomalies.Tests.Feedback;

public sealed class AlertEvidenceBookTests
{
    [Fact]
    public async Task TwoSignaturesForOneAlertInOnePage_BothKept_BesideTheOnesStoredBefore()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertEvidenceBookTests), DaemonRole.Disabled);
        var alertId = Guid.NewGuid();
        await using (var earlier = host.Store.LightweightSession())
        {
            earlier.Store(new AnomalyAlertEvidence { Id = alertId, Principal = "arn:aws:iam::123456789012:user/alice", Signatures = ["hour+network"] });
            await earlier.SaveChangesAsync();
        }

        // One page: the same alert updated by two anomalous records with different reasons, and one repeated.
        await using (var page = host.Store.LightweightSession())
        {
            var book = new AlertEvidenceBook(page);
            await book.RememberAsync(alertId, "arn:aws:iam::123456789012:user/alice", "api-first-sensitive+agent", CancellationToken.None);
            await book.RememberAsync(alertId, "arn:aws:iam::123456789012:user/alice", "resource-new+rate-burst", CancellationToken.None);
            await book.RememberAsync(alertId, "arn:aws:iam::123456789012:user/alice", "hour+network", CancellationToken.None);
            book.StoreChanged();
            await page.SaveChangesAsync();
        }

        await using var query = host.Store.QuerySession();
        var evidence = await query.LoadAsync<AnomalyAlertEvidence>(alertId);
        Assert.Equal(["hour+network", "api-first-sensitive+agent", "resource-new+rate-burst"], evidence!.Signatures);
    }
}
