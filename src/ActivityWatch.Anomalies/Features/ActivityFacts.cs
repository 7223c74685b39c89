using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Anomalies.Features;

/// <summary>What the features need from one record, reduced once: the action as "service:Name",
/// the network, the client family, and the resource or role the call names.</summary>
public readonly record struct ActivityFacts(
    string Principal,
    DateTimeOffset Time,
    string Action,
    string EventName,
    string? Network,
    string? Agent,
    string? Region,
    string? ErrorCode,
    string? ErrorMessage,
    bool IsWrite,
    float Level,
    string? AssumedRole,
    string? Resource)
{
    /// <summary>The kind of the source network (AWS, hosting, private ...); None without a reference list.</summary>
    public NetworkKind Kind { get; init; }

    /// <summary>A long-term access key id (AKIA...) the call was signed with; temporary keys are not kept.</summary>
    public string? LongTermKey { get; init; }

    /// <summary>A role handed to a resource in the request (iam:PassRole): Lambda's role, an instance profile, a task role.</summary>
    public string? PassedRole { get; init; }

    /// <summary>The call switches off or narrows logging, threat detection or another guardrail.</summary>
    public bool DisablesGuardrail { get; init; }

    /// <summary>A List, Describe, Get or Lookup of configuration (not a read of data).</summary>
    public bool Discovery { get; init; }

    /// <summary>The event's sequence in the store (0 outside the live path): a page re-run never learns a record twice.</summary>
    public long Sequence { get; init; }

    public static ActivityFacts From(ActivityRecorded record, NetworkKinds? networks, long sequence = 0)
    {
        var facts = From(record);
        return facts with
        {
            Kind = (networks ?? NetworkKinds.Empty).Of(record.SourceIp),
            Sequence = sequence,
        };
    }

    public static ActivityFacts From(ActivityRecorded record)
    {
        var eventName = record.EventName ?? "unknown";
        var service = record.Source == LogSources.S3Access ? "s3" : ServiceOf(record.EventSource);
        string? assumedRole = null;
        string? passedRole = null;
        var disables = GuardrailCalls.Disables(eventName, null);
        string? resource = record.Bucket;
        if (record.Raw is { ValueKind: JsonValueKind.Object } raw
            && raw.TryGetProperty("requestParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            if (eventName.StartsWith("AssumeRole", StringComparison.Ordinal)) assumedRole = Text(parameters, "roleArn");
            // Secrets, parameters and buckets are what a burst of reads goes after.
            resource ??= Text(parameters, "secretId") ?? Text(parameters, "bucketName") ?? Text(parameters, "name")
                         ?? FirstName(parameters);
            if (assumedRole is null) passedRole = PassedRoleOf(parameters);
            disables = GuardrailCalls.Disables(eventName, parameters);
        }
        var error = record.ErrorCode ?? (record.HttpStatus is >= 400 and var status ? $"HTTP{status}" : null);
        return new ActivityFacts(
            record.Principal,
            record.EventTime,
            $"{service}:{eventName}",
            eventName,
            SourceNetworks.Of(record.SourceIp),
            UserAgentFamily.Of(record.UserAgent),
            record.AwsRegion,
            error,
            // Without a message the code and call stand in: AccessDenied on ten APIs is ten distinct errors.
            record.ErrorMessage ?? (error is null ? null : $"{error} on {service}:{eventName}"),
            AccessLevel.IsWrite(eventName, record.ReadOnly),
            AccessLevel.Weight(eventName, record.ReadOnly),
            assumedRole,
            resource)
        {
            LongTermKey = record.AccessKeyId is { Length: > 4 } key && key.StartsWith("AKIA", StringComparison.Ordinal) ? key : null,
            PassedRole = passedRole,
            DisablesGuardrail = disables && record.ErrorCode is null,
            Discovery = IsDiscovery(eventName, record.ReadOnly),
            Kind = NetworkKinds.Empty.Of(record.SourceIp),
        };
    }

    private static bool IsDiscovery(string eventName, bool? readOnly) =>
        readOnly != false && eventName is not ("GetObject" or "GetSecretValue" or "GetParameter" or "GetParameters" or "GetParametersByPath" or "GetCallerIdentity")
        && (eventName.StartsWith("List", StringComparison.Ordinal) || eventName.StartsWith("Describe", StringComparison.Ordinal)
            || eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("Lookup", StringComparison.Ordinal));

    /// <summary>
    /// An instance profile stands for the role inside it; consoles and most tooling give both one name,
    /// so "arn:aws:iam::1:instance-profile/Web" is read as "arn:aws:iam::1:role/Web" (the role's profile).
    /// </summary>
    private static string RoleOfInstanceProfile(string profile)
    {
        var at = profile.IndexOf(":instance-profile/", StringComparison.Ordinal);
        if (at < 0) return profile;
        var name = profile[(profile.LastIndexOf('/') + 1)..];
        return profile[..at] + ":role/" + name;
    }

    /// <summary>Where services take a role to run as: Lambda's "role", ECS's task roles, EC2's instance profile.</summary>
    private static string? PassedRoleOf(JsonElement parameters)
    {
        var role = Text(parameters, "role") ?? Text(parameters, "taskRoleArn") ?? Text(parameters, "executionRoleArn");
        if (role is not null) return role.Length <= 2048 ? role : null;
        if (parameters.TryGetProperty("iamInstanceProfile", out var profile) && profile.ValueKind == JsonValueKind.Object)
        {
            var name = Text(profile, "arn") ?? Text(profile, "name");
            if (name is not null && name.Length <= 2048) return RoleOfInstanceProfile(name);
        }
        return null;
    }

    private static string ServiceOf(string? eventSource)
    {
        if (string.IsNullOrEmpty(eventSource)) return "unknown";
        var dot = eventSource.IndexOf('.');
        return dot < 0 ? eventSource : eventSource[..dot];
    }

    private static string? Text(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstName(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Array) return null;
        foreach (var name in names.EnumerateArray()) if (name.ValueKind == JsonValueKind.String) return name.GetString();
        return null;
    }
}
