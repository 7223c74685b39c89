using System.Text.Json;

namespace ActivityWatch.Monitoring.Detections.Reading;

/// <summary>
/// IAM policy documents as CloudTrail logs them: a JSON string inside requestParameters
/// (policyDocument), URL-encoded when the caller sent it form-encoded (the IAM query API).
/// </summary>
public static class PolicyDocuments
{
    public static JsonDocument? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var candidate = text.Trim();
        if (!candidate.StartsWith('{') && candidate.Contains('%')) candidate = Uri.UnescapeDataString(candidate.Replace('+', ' '));
        try
        {
            return JsonDocument.Parse(candidate);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when an Allow statement grants Action "*" (or "*:*") on Resource "*".</summary>
    public static bool GrantsFullAdmin(JsonDocument document)
    {
        // Any JSON can stand where CloudTrail puts a policy ("[1]", "true"): only an object has statements.
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements)) return false;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Single(statements))
        {
            if (statement.ValueKind != JsonValueKind.Object) continue;
            if (!statement.TryGetProperty("Effect", out var effect) || RecordFields.Scalar(effect) != "Allow") continue;
            if (Values(statement, "Action").Any(a => a is "*" or "*:*") && Values(statement, "Resource").Any(r => r == "*")) return true;
        }
        return false;
    }

    private static IEnumerable<JsonElement> Single(JsonElement element) { yield return element; }

    private static IEnumerable<string> Values(JsonElement statement, string name)
    {
        if (!statement.TryGetProperty(name, out var value)) yield break;
        if (value.ValueKind == JsonValueKind.String) yield return RecordFields.Scalar(value)!;
        else if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) yield return RecordFields.Scalar(item)!;
    }
}
