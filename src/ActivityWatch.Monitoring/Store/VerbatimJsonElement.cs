using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Writes a JsonElement (a record as logged) exactly as it was read. System.Text.Json's own writer
/// decodes and re-encodes every string, and throws on what is valid JSON but not valid UTF-16 text:
/// a lone surrogate escape ("\ud800") that an attacker put in a user agent made the record
/// impossible to store or to show.
/// </summary>
public sealed class VerbatimJsonElement : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
}
