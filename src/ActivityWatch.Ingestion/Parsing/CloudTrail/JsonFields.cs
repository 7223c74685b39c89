using System.Text.Json;

namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

/// <summary>
/// Tolerant field access: old records, hand-made exports and nulls where strings are expected
/// must not throw, so a missing or odd-typed field reads as null (or as its JSON text).
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonElement? obj, ReadOnlySpan<byte> name)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => StringOf(value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>
    /// A JSON string as .NET text. A lone surrogate escape ("\ud800") is valid JSON but has no UTF-16
    /// form, and GetString throws on it: such a value reads as its escaped JSON text instead.
    /// </summary>
    public static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            return raw.Length >= 2 ? raw[1..^1] : raw;
        }
    }

    public static string? NonEmpty(JsonElement? obj, ReadOnlySpan<byte> name) =>
        String(obj, name) is { Length: > 0 } s ? s : null;

    public static JsonElement? Object(JsonElement? obj, ReadOnlySpan<byte> name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static JsonElement? Property(JsonElement? obj, ReadOnlySpan<byte> name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// CloudTrail writes booleans as strings in places ("mfaAuthenticated": "true", "MFAUsed": "Yes")
    /// and as JSON booleans in others (readOnly); exports re-type them. Anything else is null.
    /// </summary>
    public static bool? Boolean(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => BooleanText(StringOf(value.Value)),
        _ => null,
    };

    private static bool? BooleanText(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };
}
