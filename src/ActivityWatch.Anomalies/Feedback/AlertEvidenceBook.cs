using Marten;

namespace ActivityWatch.Anomalies.Feedback;

/// <summary>
/// The ml alerts' evidence one page of scoring touches. Each alert's evidence is loaded once per
/// page and kept here: reloading it for every anomalous record, through a session without an
/// identity map, read the stored version again and lost a signature added earlier in the page.
/// </summary>
public sealed class AlertEvidenceBook(IDocumentOperations operations)
{
    private readonly Dictionary<Guid, AnomalyAlertEvidence> _loaded = [];
    private readonly HashSet<Guid> _changed = [];

    public async Task RememberAsync(Guid alertId, string principal, string signature, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(alertId, out var evidence))
        {
            _loaded[alertId] = evidence = await operations.LoadAsync<AnomalyAlertEvidence>(alertId, cancellationToken)
                                          ?? new AnomalyAlertEvidence { Id = alertId, Principal = principal };
        }
        if (evidence.Signatures.Contains(signature)) return;
        evidence.Signatures.Add(signature);
        _changed.Add(alertId);
    }

    /// <summary>Queues the changed evidence on the session; it is saved with the page's alerts.</summary>
    public void StoreChanged()
    {
        foreach (var id in _changed) operations.Store(_loaded[id]);
        _changed.Clear();
    }
}
