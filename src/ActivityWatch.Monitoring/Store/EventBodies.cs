using System.Text.Json;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// How a log record's event body is stored: UTF-8 JSON bytes in Marten's <c>mt_events.bdata</c>
/// (bytea) rather than its <c>data</c> (jsonb) column. The bytes are the same JSON, but PostgreSQL
/// no longer parses every record into jsonb when it is appended, nor turns it back into text each
/// time the daemon reads it: at one event per log record those two conversions were a large share
/// of the server's work (README, Performance). Events stored before this change keep their body in
/// <c>data</c>; Marten reads either, and SQL that needs the body uses <see cref="Jsonb"/> or
/// <see cref="Utf8"/>, which do too.
/// </summary>
public sealed class EventBodies : IEventBinarySerializer
{
    /// <summary>Marten's own JSON conventions (camelCase names), so either column holds the same document.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = MaxDepth, Converters = { new VerbatimJsonElement() } };

    /// <summary>
    /// The ingest accepts records nested 256 deep (some services' request parameters nest deeply, and
    /// so can an attacker's); the body wraps the record one level further. The default of 64 made a
    /// record deeper than that impossible to store or, once stored, for the daemon to read.
    /// </summary>
    public const int MaxDepth = 1_024;

    public byte[] Serialize(Type type, object data) => JsonSerializer.SerializeToUtf8Bytes(data, type, Json);

    public object Deserialize(Type type, byte[] data) => JsonSerializer.Deserialize(data, type, Json)!;

    public static ActivityRecorded Record(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<ActivityRecorded>(utf8, Json)!;

    /// <summary>
    /// The record as logged, from a stored body: the CloudTrail record, or the access log line as a
    /// JSON string. Read from the bytes rather than through jsonb, which refuses \u0000 (a value any
    /// attacker can put in a user agent) and would fail the whole query.
    /// </summary>
    public static JsonElement? Raw(byte[] utf8)
    {
        using var body = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        if (body.RootElement.TryGetProperty("raw"u8, out var raw) && raw.ValueKind != JsonValueKind.Null) return raw.Clone();
        if (body.RootElement.TryGetProperty("rawLine"u8, out var line) && line.ValueKind == JsonValueKind.String) return line.Clone();
        return null;
    }

    /// <summary>SQL: the body of the mt_events row aliased <paramref name="events"/> as jsonb.</summary>
    public static string Jsonb(string events) => $"coalesce(convert_from({events}.bdata, 'UTF8')::jsonb, {events}.data)";

    /// <summary>SQL: the body of the mt_events row aliased <paramref name="events"/> as UTF-8 JSON bytes, for <see cref="Record"/>.</summary>
    public static string Utf8(string events) => $"coalesce({events}.bdata, convert_to({events}.data::text, 'UTF8'))";
}
