using System.Net;
using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Reading;

/// <summary>
/// Readers that accept any JSON shape where CloudTrail documents one: a list where a value is
/// expected, a value where a list is, numbers for strings. Bounded: attacker-sized arrays are cut.
/// </summary>
public static class RecordValues
{
    public const int MaxValues = 1000;

    /// <summary>Every string, number and boolean at or under the element (arrays and objects flattened), at most <see cref="MaxValues"/>.</summary>
    public static IEnumerable<string> Scalars(JsonElement? element) =>
        element is { } e ? Flatten(e, 0).Take(MaxValues) : [];

    /// <summary>The scalars under requestParameters.NAME (a string, or a list of strings, as callers send either).</summary>
    public static IEnumerable<string> Parameters(this ActivityRecorded record, string name) => Scalars(record.Field("requestParameters", name));

    /// <summary>The property NAME of an object element, else null (a string or array where an object is expected reads as absent).</summary>
    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The items of an array, or the element itself when a single value stands where a list is documented.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Take(MaxValues),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
        { } e => [e],
        null => [],
    };

    /// <summary>"true" for JSON true or the string "true" (any case).</summary>
    public static bool IsTrue(JsonElement? element) => RecordFields.Scalar(element) is { } text && text.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 12-digit AWS account id inside a principal value: the id itself, or the account field of an ARN.</summary>
    public static string? AccountIn(string? principal)
    {
        if (string.IsNullOrWhiteSpace(principal)) return null;
        var value = principal.Trim();
        if (value.Length == 12 && value.All(char.IsAsciiDigit)) return value;
        return value.StartsWith("arn:", StringComparison.Ordinal) && Principals.AccountOf(value) is { Length: 12 } account && account.All(char.IsAsciiDigit) ? account : null;
    }

    /// <summary>The record's own account (recipientAccountId, else the caller's).</summary>
    public static string? OwnAccount(this ActivityRecorded record) => record.AccountId ?? record.PrincipalAccountId;

    /// <summary>True for a source address that is not on the internet: RFC 1918, loopback, link-local, IPv6 unique-local; or a service name.</summary>
    public static bool IsInternalOrService(string? sourceIp)
    {
        if (string.IsNullOrEmpty(sourceIp)) return true;
        if (!IPAddress.TryParse(sourceIp, out var address)) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal) return true;
        var b = address.GetAddressBytes();
        return b.Length == 4 && (b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }

    /// <summary>An AWS service or the console acting for the principal: invokedBy set, an AWSService identity, or a service event.</summary>
    public static bool IsServiceOnBehalf(this ActivityRecorded record) =>
        !string.IsNullOrEmpty(record.InvokedBy ?? record.Text("userIdentity", "invokedBy"))
        || record.IdentityType == IdentityTypes.AwsService
        || record.EventType == RecordFields.ServiceEvent;

    /// <summary>The console made the call for a signed-in user (CloudTrail's sessionCredentialFromConsole).</summary>
    public static bool FromConsole(this ActivityRecorded record) => IsTrue(record.Field("sessionCredentialFromConsole"));

    private static IEnumerable<string> Flatten(JsonElement element, int depth)
    {
        if (depth > 32) yield break;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return RecordFields.Scalar(element)!;
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                yield return element.GetRawText();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().Take(MaxValues))
                foreach (var value in Flatten(item, depth + 1)) yield return value;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Take(MaxValues))
                foreach (var value in Flatten(property.Value, depth + 1)) yield return value;
                break;
        }
    }
}
