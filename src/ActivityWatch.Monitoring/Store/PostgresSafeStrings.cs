using System.Text.Json;
using System.Text.Json.Serialization;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Writes every string of a Marten document or JSON event without the characters PostgreSQL's jsonb
/// refuses: \u0000 (22P05) and lone surrogates, which have no UTF-8 form. Documents quote record
/// content (an alert's explanation, a device serial, a policy statement), all of it attacker-written,
/// and one such value would fail the whole unit of work it is in: a page of the async daemon, retried
/// for ever. Log records themselves are kept as logged, in bytea (see EventBodies).
/// </summary>
public sealed class PostgresSafeStrings : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(RecordText.Clean(value, int.MaxValue));

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(RecordText.Clean(value, int.MaxValue)!);
}
