namespace ActivityWatch.Monitoring.Alerts;

/// <summary>
/// The read model of one alert stream (document id = stream key = AlertId). Written only through
/// <see cref="AlertStreams.Append"/>, which appends the events and stores this evolved view in the
/// same transaction: the raiser needs the evolved state in the middle of a daemon batch, where an
/// inline projection would only run at commit. Its fold is <see cref="Create"/> and one <c>Apply</c>
/// per event (<see cref="AlertStreams.Evolve"/> picks which); delivery's bus messages are built from it.
/// </summary>
public sealed class Alert
{
    public string Id { get; set; } = "";
    public Guid AlertId { get; set; }
    public string RuleId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Severity { get; set; } = "";
    public List<string> Cis { get; set; } = [];
    public List<string> Mitre { get; set; } = [];
    public string Principal { get; set; } = "";
    public string? AccountId { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public int Count { get; set; }
    public AlertStatus Status { get; set; }
    public List<string> EventIds { get; set; } = [];
    public string Explanation { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? SuppressedBy { get; set; }
    public string? Assignee { get; set; }
    public List<AlertHistoryEntry> History { get; set; } = [];

    /// <summary>Events in the stream: the expected version for the next append.</summary>
    public int Version { get; set; }

    public static Alert Create(AlertRaised e) => new()
    {
        Id = e.AlertId.ToString(),
        AlertId = e.AlertId,
        RuleId = e.RuleId,
        Title = e.Title,
        Severity = e.Severity,
        Cis = [.. e.Cis],
        Mitre = [.. e.Mitre],
        Principal = e.Principal,
        AccountId = e.AccountId,
        FirstSeen = e.FirstSeen,
        LastSeen = e.LastSeen,
        Count = e.EventIds.Count,
        // A suppression rule matched: suppressed from the start (the AlertSuppressed appended with it says by whom).
        Status = e.SuppressedBy is null ? AlertStatus.Open : AlertStatus.Suppressed,
        EventIds = [.. e.EventIds],
        Explanation = e.Explanation,
        RaisedAt = e.RaisedAt,
        UpdatedAt = e.RaisedAt,
        SuppressedBy = e.SuppressedBy,
        Version = 1,
        History = [new AlertHistoryEntry("raised", "activitywatch", e.Explanation, e.RaisedAt)],
    };

    // One Apply per event, in Marten's conventional shape (so AggregateStreamAsync<Alert> folds a
    // stream the same way). The stream version is kept by whoever folds: AlertStreams.Evolve, or Marten.

    public void Apply(AlertUpdated e)
    {
        LastSeen = e.LastSeen > LastSeen ? e.LastSeen : LastSeen;
        if (e.FirstSeen is { } first && first < FirstSeen) FirstSeen = first;
        // The raiser only sends ids not yet known; Union keeps a re-applied stream honest anyway.
        if (e.NewEventIds.Count > 0) EventIds = [.. EventIds.Union(e.NewEventIds, StringComparer.Ordinal)];
        Count = e.Count;
        if (e.Explanation is not null) Explanation = e.Explanation;
        UpdatedAt = e.UpdatedAt;
    }

    public void Apply(AlertAcknowledged e)
    {
        Status = AlertStatus.Acknowledged;
        Track("acknowledged", e.By, e.Note, e.At);
    }

    public void Apply(AlertResolved e)
    {
        Status = AlertStatus.Resolved;
        Track("resolved", e.By, e.Note, e.At);
    }

    public void Apply(AlertSuppressed e)
    {
        Status = AlertStatus.Suppressed;
        Track("suppressed", e.By, e.Note, e.At);
    }

    public void Apply(AlertReopened e)
    {
        Status = AlertStatus.Open;
        Track("reopened", e.By, e.Note, e.At);
    }

    public void Apply(AlertAssigned e)
    {
        Assignee = e.Assignee;
        Track("assigned", e.By, e.Assignee, e.At);
    }

    public void Apply(AlertNoteAdded e) => Track("note", e.By, e.Note, e.At);

    private void Track(string action, string by, string? note, DateTimeOffset at)
    {
        History.Add(new AlertHistoryEntry(action, by, note, at));
        UpdatedAt = at;
    }
}
