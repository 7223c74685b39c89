namespace ActivityWatch.Monitoring.Alerts;

/// <summary>
/// The read model of one alert stream (document id = stream key = AlertId). Written only through
/// <see cref="AlertStreams.Append"/>, which appends the events and stores this evolved view in the
/// same transaction: the raiser needs the evolved state in the middle of a daemon batch, where an
/// inline projection would only run at commit.
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
        Status = AlertStatus.Open,
        EventIds = [.. e.EventIds],
        Explanation = e.Explanation,
        RaisedAt = e.RaisedAt,
        UpdatedAt = e.RaisedAt,
        SuppressedBy = e.SuppressedBy,
        Version = 1,
        History = [new AlertHistoryEntry("raised", "activitywatch", e.Explanation, e.RaisedAt)],
    };

    public void Apply(object @event)
    {
        Version++;
        switch (@event)
        {
            case AlertUpdated e:
                LastSeen = e.LastSeen > LastSeen ? e.LastSeen : LastSeen;
                if (e.FirstSeen is { } first && first < FirstSeen) FirstSeen = first;
                // The raiser only sends ids not yet known; Union keeps a re-applied stream honest anyway.
                if (e.NewEventIds.Count > 0) EventIds = [.. EventIds.Union(e.NewEventIds, StringComparer.Ordinal)];
                Count = e.Count;
                if (e.Explanation is not null) Explanation = e.Explanation;
                UpdatedAt = e.UpdatedAt;
                break;
            case AlertAcknowledged e:
                Status = AlertStatus.Acknowledged;
                Track("acknowledged", e.By, e.Note, e.At);
                break;
            case AlertResolved e:
                Status = AlertStatus.Resolved;
                Track("resolved", e.By, e.Note, e.At);
                break;
            case AlertSuppressed e:
                Status = AlertStatus.Suppressed;
                Track("suppressed", e.By, e.Note, e.At);
                break;
            case AlertReopened e:
                Status = AlertStatus.Open;
                Track("reopened", e.By, e.Note, e.At);
                break;
            case AlertAssigned e:
                Assignee = e.Assignee;
                Track("assigned", e.By, e.Assignee, e.At);
                break;
            case AlertNoteAdded e:
                Track("note", e.By, e.Note, e.At);
                break;
            default:
                Version--;
                break;
        }
    }

    private void Track(string action, string by, string? note, DateTimeOffset at)
    {
        History.Add(new AlertHistoryEntry(action, by, note, at));
        UpdatedAt = at;
    }
}
