using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// A page of events folded in memory into the rows the last-used tables need, so the
/// projection writes each table with one statement per page instead of one row per event.
/// </summary>
public sealed class UseBatch(ActionMapper mapper)
{
    public Dictionary<(string, string), UseRow> Use { get; } = [];
    public Dictionary<(string, string, DateOnly), UseRow> Daily { get; } = [];
    public Dictionary<(string, string, string), ResourceUse> Resources { get; } = [];
    public Dictionary<(string, string, DateTime, string), CredentialUse> Credentials { get; } = [];

    public bool IsEmpty => Use.Count == 0 && Credentials.Count == 0;

    // A page repeats the same few addresses thousands of times: parse each once.
    private readonly Dictionary<string, string?> _networks = new(StringComparer.Ordinal);

    /// <summary>
    /// Folds one record in. Everything that reads the record (its hostile raw JSON included) runs
    /// before the batch changes, so a record that throws leaves the batch as it was.
    /// </summary>
    public void Add(ActivityRecorded record)
    {
        if (!Counts(record)) return;
        var time = record.EventTime.UtcDateTime;
        var network = Network(record.SourceIp);
        var credential = Credential(record);
        var mapping = mapper.Map(record);
        var denied = mapping.IsAction && IsDenied(record);
        var actions = !mapping.IsAction ? []
            : mapping.Actions.Select(action => (Action: action, Resources: denied ? [] : ResourceArns.For(record, action).Select(r => RecordText.Clean(r, RecordText.IndexedBytes)!).ToArray())).ToList();

        if (credential is not null)
        {
            var hour = new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);
            Row(Credentials, (credential, record.Principal, hour, network ?? "-"), () => new CredentialUse(credential, hour, network ?? "-", record.Principal)).Add(time);
        }
        var day = DateOnly.FromDateTime(time);
        foreach (var (action, resources) in actions)
        {
            Row(Use, (record.Principal, action), () => new UseRow(record.Principal, action, null))
                .Add(time, denied, record.AwsRegion, network, record.IdentityType, record.AccountId);
            Row(Daily, (record.Principal, action, day), () => new UseRow(record.Principal, action, day))
                .Add(time, denied, record.AwsRegion, network, record.IdentityType, record.AccountId);
            foreach (var resource in resources)
                Row(Resources, (record.Principal, action, resource), () => new ResourceUse(record.Principal, action, resource)).Add(time);
        }
    }

    private string? Network(string? sourceIp)
    {
        if (sourceIp is null) return null;
        if (!_networks.TryGetValue(sourceIp, out var network)) _networks[sourceIp] = network = SourceNetworks.Of(sourceIp);
        return network;
    }

    /// <summary>Anonymous S3 requests and AWS services acting as themselves have no IAM identity to trim.</summary>
    private static bool Counts(ActivityRecorded record) =>
        record.Principal is not (Principals.Anonymous or Principals.Unknown)
        && record.IdentityType is not (IdentityTypes.AwsService or IdentityTypes.Anonymous or IdentityTypes.Unknown);

    /// <summary>
    /// Denied: CloudTrail errorCode AccessDenied/UnauthorizedOperation/..., or an S3 access log 403.
    /// Other errors (throttling, not found) still passed authorisation, so they count as use.
    /// </summary>
    public static bool IsDenied(ActivityRecorded record) =>
        record.HttpStatus == 403
        || (record.ErrorCode is { } code && (code.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)
            || code.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase)
            || code.Equals("Client.UnauthorizedOperation", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Long-term keys only (AKIA...): ASIA keys are session credentials that expire by themselves.</summary>
    private static string? Credential(ActivityRecorded record) =>
        record.AccessKeyId is { } key && key.StartsWith("AKIA", StringComparison.Ordinal) ? key
        : IsPasswordSignIn(record) ? CredentialUse.Password
        : null;

    /// <summary>A successful console sign-in of an IAM user or root is a use of its password.</summary>
    private static bool IsPasswordSignIn(ActivityRecorded record) =>
        record.EventName == "ConsoleLogin" && record.ErrorCode is null
        && record.IdentityType is IdentityTypes.IamUser or IdentityTypes.Root
        && (record.Raw is not { } raw || !raw.TryGetProperty("responseElements", out var response)
            || response.ValueKind != System.Text.Json.JsonValueKind.Object
            || !response.TryGetProperty("ConsoleLogin", out var outcome) || outcome.GetString() == "Success");

    private static TRow Row<TKey, TRow>(Dictionary<TKey, TRow> rows, TKey key, Func<TRow> create) where TKey : notnull
    {
        if (!rows.TryGetValue(key, out var row)) rows[key] = row = create();
        return row;
    }
}
