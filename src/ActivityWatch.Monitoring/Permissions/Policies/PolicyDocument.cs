using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>
/// An IAM policy document. get-account-authorization-details returns documents as JSON objects
/// or, from older CLI versions and in CloudTrail requestParameters, as URL-encoded (RFC 3986)
/// JSON strings: both are accepted. Statement, Action and Resource may be one value or an array.
/// </summary>
public sealed record PolicyDocument(string? Version, IReadOnlyList<PolicyStatement> Statements)
{
    public static PolicyDocument Parse(string text) => Parse(JsonDocument.Parse(Decode(text)).RootElement);

    public static PolicyDocument Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String) return Parse(element.GetString()!);
        var version = element.TryGetProperty("Version", out var v) ? v.GetString() : null;
        var statements = new List<PolicyStatement>();
        if (element.TryGetProperty("Statement", out var statement))
        {
            foreach (var s in statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToArray() : [statement])
            {
                statements.Add(new PolicyStatement(
                    s.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
                    !s.TryGetProperty("Effect", out var effect) || !string.Equals(effect.GetString(), "Deny", StringComparison.OrdinalIgnoreCase),
                    Strings(s, "Action"),
                    Strings(s, "NotAction"),
                    Strings(s, "Resource"),
                    Strings(s, "NotResource"),
                    s.TryGetProperty("Condition", out var condition) ? condition.Clone() : null));
            }
        }
        return new PolicyDocument(version, statements);
    }

    /// <summary>The document as JSON text: URL-decoded when it came encoded.</summary>
    public static string Decode(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[') ? text : Uri.UnescapeDataString(text);
    }

    private static IReadOnlyList<string> Strings(JsonElement statement, string name)
    {
        if (!statement.TryGetProperty(name, out var value)) return [];
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
            : [value.GetString() ?? ""];
    }
}
