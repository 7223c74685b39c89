using ActivityWatch.Anomalies.Scoring;
using Marten;

namespace ActivityWatch.Anomalies.Feedback;

/// <summary>Reading and recording analyst feedback on ml alerts.</summary>
public static class FeedbackQueries
{
    /// <summary>Keys (<see cref="AnomalySignature.Key"/>) of every pattern marked false positive.</summary>
    public static async Task<HashSet<string>> KeysAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var all = await session.Query<AnomalyFeedback>().Select(f => f.Id).ToListAsync(cancellationToken);
        return new HashSet<string>(all, StringComparer.Ordinal);
    }

    /// <summary>Stores feedback for every signature of the alert; false when the alert is not an ml alert.</summary>
    public static async Task<bool> RecordAsync(IDocumentOperations session, Guid alertId, string by, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var evidence = await session.LoadAsync<AnomalyAlertEvidence>(alertId, cancellationToken);
        if (evidence is null) return false;
        foreach (var signature in evidence.Signatures)
        {
            session.Store(new AnomalyFeedback
            {
                Id = AnomalySignature.Key(evidence.Principal, signature),
                Principal = evidence.Principal,
                Signature = signature,
                AlertId = alertId,
                By = by,
                Note = note,
                At = at,
            });
        }
        return true;
    }
}
