using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Reading;

/// <summary>
/// Reads the CloudTrail fields the normalised record does not carry (requestParameters,
/// responseElements, additionalEventData, userIdentity.sessionContext) from the raw record.
/// </summary>
public static class RecordFields
{
    public const string ServiceEvent = "AwsServiceEvent";

    public static JsonElement? Field(this ActivityRecorded record, params ReadOnlySpan<string> path)
    {
        if (record.Raw is not { ValueKind: JsonValueKind.Object } current) return null;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGet(name, out var next)) return null;
            current = next;
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A scalar as text: strings as they are, numbers and booleans as JSON writes them.</summary>
    public static string? Text(this ActivityRecorded record, params ReadOnlySpan<string> path) => Scalar(record.Field(path));

    /// <summary>
    /// A scalar as text. A string with a lone surrogate escape ("\ud800", legal JSON) has no .NET
    /// string form and GetString throws on it: it reads as its escaped JSON text instead.
    /// </summary>
    public static string? Scalar(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => StringOf(e),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        _ => null,
    };

    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = element.GetRawText();
            return raw.Length >= 2 ? raw[1..^1] : raw;
        }
    }

    public static string? RequestParameter(this ActivityRecorded record, string name) => record.Text("requestParameters", name);

    public static string? AdditionalData(this ActivityRecorded record, string name) => record.Text("additionalEventData", name);

    /// <summary>userIdentity.sessionContext.attributes.mfaAuthenticated: "true", "false", or null for long-term keys.</summary>
    public static string? SessionMfaAuthenticated(this ActivityRecorded record) =>
        record.Text("userIdentity", "sessionContext", "attributes", "mfaAuthenticated");

    /// <summary>userIdentity.userName: the IAM user's name (absent for roles and root).</summary>
    public static string? UserName(this ActivityRecorded record) => record.Text("userIdentity", "userName");

    /// <summary>
    /// A failed console sign-in has no errorCode: errorMessage is "Failed authentication" and
    /// responseElements.ConsoleLogin is "Failure". Error codes may be an empty string.
    /// </summary>
    public static bool Succeeded(this ActivityRecorded record) =>
        string.IsNullOrEmpty(record.ErrorCode ?? record.Text("errorCode"))
        && string.IsNullOrEmpty(record.ErrorMessage ?? record.Text("errorMessage"))
        && record.Text("responseElements", "ConsoleLogin") != "Failure";

    public static bool IsConsoleLogin(this ActivityRecorded record) => record.EventName == "ConsoleLogin";

    /// <summary>CIS 5.3: the root identity acting itself, not an AWS service on its behalf.</summary>
    public static bool IsRootUsage(this ActivityRecorded record) =>
        record.IdentityType == IdentityTypes.Root
        && string.IsNullOrEmpty(record.InvokedBy ?? record.Text("userIdentity", "invokedBy"))
        && record.EventType != ServiceEvent;

    /// <summary>The root identity, acting itself or through the console (invokedBy signin.amazonaws.com), not an AWS service event.</summary>
    public static bool IsRootIdentity(this ActivityRecorded record) =>
        record.IdentityType == IdentityTypes.Root && record.EventType != ServiceEvent;

    public static bool IsCloudTrail(this ActivityRecorded record) => LogSources.IsCloudTrail(record.Source);

    /// <summary>The id an analyst finds the record by: the CloudTrail eventID, else the record key.</summary>
    public static string EvidenceId(ActivityRecorded record) => record.RecordId ?? record.RecordKey;

    /// <summary>Every value of a property with this name anywhere under the element (policy and lifecycle documents nest freely).</summary>
    public static IEnumerable<JsonElement> Descendants(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameIs(property, name)) yield return property.Value;
                    foreach (var inner in Descendants(property.Value, name)) yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                foreach (var inner in Descendants(item, name)) yield return inner;
                break;
        }
    }

    // A property name with a lone surrogate escape has no .NET string form: it is no name a rule asks for.
    private static bool NameIs(JsonProperty property, string name)
    {
        try
        {
            return string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// TryGetProperty that cannot throw: System.Text.Json unescapes property names to compare them and
    /// throws on a name with a lone surrogate escape (legal JSON an attacker can send). Then the
    /// properties are compared one by one, and such names never match.
    /// </summary>
    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            foreach (var property in element.EnumerateObject())
            {
                bool equal;
                try { equal = property.NameEquals(name); }
                catch (InvalidOperationException) { equal = false; }
                if (!equal) continue;
                value = property.Value;
                return true;
            }
            return false;
        }
    }
}
