using System.Text.Json;

namespace ActivityWatch.Api.Live;

/// <summary>One alert event as the live stream sends it: its store sequence (the SSE id), kind and data.</summary>
public sealed record AlertChange(long Sequence, string Kind, string StreamKey, DateTimeOffset Timestamp, JsonElement Data);
