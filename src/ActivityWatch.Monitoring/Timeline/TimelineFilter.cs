namespace ActivityWatch.Monitoring.Timeline;

/// <summary>What an analyst asks the timeline. Every filter given must match; results are newest first unless <see cref="OldestFirst"/>.</summary>
public sealed record TimelineFilter
{
    public string? Principal { get; init; }

    /// <summary>Any of these principals: one principal under every form the logs name it by (see Permissions/Roles).</summary>
    public IReadOnlyList<string>? Principals { get; init; }
    public string? AccessKeyId { get; init; }
    public string? SourceIp { get; init; }
    public string? EventName { get; init; }
    public string? Source { get; init; }
    public string? AccountId { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public bool ErrorsOnly { get; init; }
    public int Limit { get; init; } = 100;
    public bool IncludeRaw { get; init; }

    /// <summary>A query in the timeline query language (see Timeline/Query), ANDed with the filters above.</summary>
    public string? Query { get; init; }

    /// <summary>The forms the logs name a principal by, for the query's exact <c>principal:</c> terms (see <see cref="Query.PrincipalAliases"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? QueryPrincipalAliases { get; init; }

    /// <summary>Continue after this entry (keyset paging on event time, then event id, in the order asked for).</summary>
    public TimelineCursor? After { get; init; }

    /// <summary>Oldest first (time, then event id ascending) instead of newest first.</summary>
    public bool OldestFirst { get; init; }
}

public readonly record struct TimelineCursor(DateTimeOffset EventTime, Guid EventId)
{
    public override string ToString() => $"{EventTime.UtcTicks}.{EventId:N}";

    public static bool TryParse(string? text, out TimelineCursor cursor)
    {
        cursor = default;
        var dot = text?.IndexOf('.') ?? -1;
        if (dot < 0 || !long.TryParse(text![..dot], out var ticks) || !Guid.TryParse(text[(dot + 1)..], out var id)) return false;
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        cursor = new TimelineCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
