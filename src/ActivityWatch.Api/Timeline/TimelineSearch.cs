using Microsoft.AspNetCore.Mvc;

namespace ActivityWatch.Api.Timeline;

/// <summary>GET /api/timeline parameters: the CLI's filters, a query string, a time range and a cursor.</summary>
public sealed record TimelineSearch
{
    /// <summary>Query language, e.g. <c>eventName:Create* AND NOT errorCode:*</c> or <c>principal:chen</c>.</summary>
    [FromQuery(Name = "q")] public string? Query { get; init; }
    [FromQuery] public string? Principal { get; init; }
    [FromQuery] public string? AccessKeyId { get; init; }
    [FromQuery] public string? SourceIp { get; init; }
    [FromQuery] public string? EventName { get; init; }
    [FromQuery] public string? AccountId { get; init; }
    [FromQuery] public string? Source { get; init; }
    [FromQuery] public bool? ErrorsOnly { get; init; }

    /// <summary>ISO 8601; default: 24 hours before <see cref="Until"/>.</summary>
    [FromQuery] public DateTimeOffset? Since { get; init; }

    /// <summary>ISO 8601, exclusive; default: just after the newest stored event when neither is given, else now.</summary>
    [FromQuery] public DateTimeOffset? Until { get; init; }

    /// <summary><c>newest</c> (the default) or <c>oldest</c> first.</summary>
    [FromQuery] public string? Order { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery] public string? Cursor { get; init; }
    [FromQuery] public int? Limit { get; init; }
    [FromQuery] public bool? Histogram { get; init; }
    [FromQuery] public bool? Raw { get; init; }
}
