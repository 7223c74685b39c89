namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>A field a query may name, and the aw_timeline column it reads. Only these columns ever reach SQL.</summary>
public sealed record QueryField(string Name, string Column, QueryFieldKind Kind)
{
    public static readonly QueryField Principal = new("principal", "principal", QueryFieldKind.Text);
    public static readonly QueryField EventName = new("eventName", "event_name", QueryFieldKind.Text);
    public static readonly QueryField EventSource = new("eventSource", "event_source", QueryFieldKind.Text);
    public static readonly QueryField SourceIp = new("sourceIp", "source_ip", QueryFieldKind.IpAddress);
    public static readonly QueryField ErrorCode = new("errorCode", "error_code", QueryFieldKind.Text);
    public static readonly QueryField AccountId = new("accountId", "account_id", QueryFieldKind.Text);
    public static readonly QueryField Region = new("region", "aws_region", QueryFieldKind.Text);
    public static readonly QueryField UserAgent = new("userAgent", "user_agent", QueryFieldKind.Text);
    public static readonly QueryField AccessKeyId = new("accessKeyId", "access_key_id", QueryFieldKind.Text);
    public static readonly QueryField Mfa = new("mfa", "mfa", QueryFieldKind.Boolean);
    public static readonly QueryField IdentityType = new("identityType", "identity_type", QueryFieldKind.Text);
    public static readonly QueryField SessionName = new("sessionName", "session_name", QueryFieldKind.Text);
    public static readonly QueryField Source = new("source", "source", QueryFieldKind.Text);

    public static readonly IReadOnlyList<QueryField> All =
        [Principal, EventName, EventSource, SourceIp, ErrorCode, AccountId, Region, UserAgent, AccessKeyId, Mfa, IdentityType, SessionName, Source];

    // Names analysts bring from CloudTrail itself (sourceIPAddress, awsRegion) and short forms.
    private static readonly Dictionary<string, QueryField> ByName = BuildNames();

    public static QueryField? Find(string name) => ByName.GetValueOrDefault(name);

    private static Dictionary<string, QueryField> BuildNames()
    {
        var names = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        names["ip"] = SourceIp;
        names["sourceIPAddress"] = SourceIp;
        names["awsRegion"] = Region;
        names["account"] = AccountId;
        names["recipientAccountId"] = AccountId;
        names["key"] = AccessKeyId;
        names["event"] = EventName;
        names["service"] = EventSource;
        names["error"] = ErrorCode;
        names["type"] = IdentityType;
        names["user"] = Principal;
        return names;
    }
}
