namespace ActivityWatch.Anomalies.Profiles;

/// <summary>
/// What ActivityWatch has learned about one principal's habits, kept as a Marten document and
/// updated by the scorer after it scores each record (so a record is always judged against
/// the history before it). Counts are bounded so a noisy principal cannot grow it forever.
/// </summary>
public sealed class PrincipalProfile
{
    public const int MaxKeys = 2_000;

    public string Id { get; set; } = "";
    public long Events { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    public Dictionary<string, int> Apis { get; set; } = [];
    public Dictionary<string, int> Networks { get; set; } = [];
    public Dictionary<string, int> Agents { get; set; } = [];
    public Dictionary<string, int> Regions { get; set; } = [];
    public Dictionary<string, int> ErrorCodes { get; set; } = [];
    public Dictionary<string, int> Resources { get; set; } = [];

    /// <summary>For a role: the principals that have assumed it.</summary>
    public Dictionary<string, int> Assumers { get; set; } = [];

    /// <summary>For a role: the principals that have passed it to a resource (iam:PassRole).</summary>
    public Dictionary<string, int> Passers { get; set; } = [];

    /// <summary>Roles this principal has passed to resources.</summary>
    public Dictionary<string, int> PassedRoles { get; set; } = [];

    /// <summary>Calls per kind of network (Public, Aws, Hosting ...).</summary>
    public Dictionary<string, int> NetworkKinds { get; set; } = [];

    /// <summary>Long-term access key ids (AKIA...) this user has signed with.</summary>
    public Dictionary<string, int> LongTermKeys { get; set; } = [];

    /// <summary>UTC days with activity, and the last of them.</summary>
    public int ActiveDays { get; set; }
    public DateTimeOffset LastActiveDay { get; set; }

    /// <summary>First-time calls learned after the first active day: the principal's pace of taking up new calls.</summary>
    public int LearnedApis { get; set; }

    /// <summary>The hour under way held a record that alerted: it does not become the busiest hour.</summary>
    public bool CurrentHourAlerted { get; set; }

    /// <summary>The busiest completed hour so far.</summary>
    public int MaxHourCount { get; set; }

    /// <summary>The highest event sequence folded in: a page that runs again skips what it already learned.</summary>
    public long LastSequence { get; set; }

    /// <summary>Events per UTC hour of the week, Monday 00:00 first.</summary>
    public int[] HourOfWeek { get; set; } = new int[168];

    public long Writes { get; set; }
    public long Errors { get; set; }

    public DateTimeOffset CurrentHour { get; set; }
    public int CurrentHourCount { get; set; }
    public int CompletedHours { get; set; }
    public double HourlyMean { get; set; }
    public double HourlyM2 { get; set; }

    public List<RecentMark> RecentErrors { get; set; } = [];
    /// <summary>APIs first called within <see cref="ProfileUpdate.SlowNoveltyWindow"/>: discovery spread over hours adds up here.</summary>
    public List<RecentMark> RecentNewApis { get; set; } = [];
    public List<RecentMark> RecentNewResources { get; set; } = [];

    /// <summary>Networks and clients first seen within the hour: a session from a new place stays "new" while it lasts.</summary>
    public List<RecentMark> RecentNewOrigins { get; set; } = [];

    /// <summary>The open ml.unusual-activity alert for this principal, so new evidence updates it.</summary>
    public Guid? OpenAlertId { get; set; }
    public DateTimeOffset? OpenAlertLastSeen { get; set; }
    public int OpenAlertCount { get; set; }

    public static int Count(Dictionary<string, int> counts, string? key) =>
        key is not null && counts.TryGetValue(key, out var count) ? count : 0;
}
