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
        catch (Exception e) when (e is JsonException or ArgumentException or UriFormatException)
        {
            return null;
        }
    }

    /// <summary>True when an Allow statement grants Action "*" (or "*:*") on Resource "*".</summary>
    public static bool GrantsFullAdmin(JsonDocument document)
    {
        // Any JSON can stand where CloudTrail puts a policy ("[1]", "true"): only an object has statements.
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGet("Statement", out var statements)) return false;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Single(statements))
        {
            if (statement.ValueKind != JsonValueKind.Object) continue;
            if (!statement.TryGet("Effect", out var effect) || RecordFields.Scalar(effect) != "Allow") continue;
            if (Values(statement, "Action").Any(a => a is "*" or "*:*") && Values(statement, "Resource").Any(r => r == "*")) return true;
        }
        return false;
    }

    /// <summary>
    /// The principals an Allow statement trusts from outside <paramref name="ownAccount"/>: "*"
    /// (unless a condition pins the caller's account or organization) and AWS principals of other
    /// accounts not in <paramref name="trusted"/>. Service and federated principals are not listed.
    /// </summary>
    public static IReadOnlyList<string> ExternalPrincipals(JsonElement document, string? ownAccount, IReadOnlyCollection<string> trusted)
    {
        var found = new List<string>();
        if (document.ValueKind != JsonValueKind.Object || !document.TryGet("Statement", out var statements)) return found;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().Take(500) : Single(statements))
        {
            if (statement.ValueKind != JsonValueKind.Object) continue;
            if (!statement.TryGet("Effect", out var effect) || RecordFields.Scalar(effect) != "Allow") continue;
            if (!statement.TryGet("Principal", out var principal)) continue;
            var scoped = statement.TryGet("Condition", out var condition) && PinsCaller(condition);
            foreach (var value in PrincipalValues(principal))
            {
                if (value == "*") { if (!scoped) found.Add("*"); continue; }
                var account = RecordValues.AccountIn(value);
                if (account is not null && account != ownAccount && !trusted.Contains(account)) found.Add(value);
            }
        }
        return found;
    }

    /// <summary>A policy given either as a JSON object or as a JSON string (possibly URL-encoded).</summary>
    public static JsonDocument? ParseElement(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Object } e => JsonDocument.Parse(e.GetRawText()),
        { ValueKind: JsonValueKind.String } e => Parse(RecordFields.Scalar(e)),
        _ => null,
    };

    private static IEnumerable<string> PrincipalValues(JsonElement principal)
    {
        if (principal.ValueKind == JsonValueKind.String) { yield return RecordFields.Scalar(principal)!; yield break; }
        if (principal.ValueKind != JsonValueKind.Object || !principal.TryGet("AWS", out var aws)) yield break;
        foreach (var value in RecordValues.Scalars(aws)) yield return value;
    }

    // Condition keys that tie a "*" principal to the caller's own account or organization.
    private static bool PinsCaller(JsonElement condition) =>
        RecordFields.Descendants(condition, "aws:PrincipalOrgID").Any() || RecordFields.Descendants(condition, "aws:PrincipalAccount").Any()
        || RecordFields.Descendants(condition, "aws:SourceAccount").Any() || RecordFields.Descendants(condition, "aws:SourceArn").Any()
        || RecordFields.Descendants(condition, "aws:PrincipalArn").Any() || RecordFields.Descendants(condition, "aws:SourceVpce").Any()
        || RecordFields.Descendants(condition, "aws:SourceVpc").Any() || RecordFields.Descendants(condition, "aws:SourceOwner").Any();

    private static IEnumerable<JsonElement> Single(JsonElement element) { yield return element; }

    private static IEnumerable<string> Values(JsonElement statement, string name)
    {
        if (!statement.TryGet(name, out var value)) yield break;
        if (value.ValueKind == JsonValueKind.String) yield return RecordFields.Scalar(value)!;
        else if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) yield return RecordFields.Scalar(item)!;
    }
}
