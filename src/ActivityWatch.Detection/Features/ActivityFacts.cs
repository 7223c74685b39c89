using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Detection.Features;

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
    public static ActivityFacts From(ActivityRecorded record)
    {
        var eventName = record.EventName ?? "unknown";
        var service = record.Source == LogSources.S3Access ? "s3" : ServiceOf(record.EventSource);
        string? assumedRole = null;
        string? resource = record.Bucket;
        if (record.Raw is { ValueKind: JsonValueKind.Object } raw
            && raw.TryGetProperty("requestParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            if (eventName.StartsWith("AssumeRole", StringComparison.Ordinal)) assumedRole = Text(parameters, "roleArn");
            // Secrets, parameters and buckets are what a burst of reads goes after.
            resource ??= Text(parameters, "secretId") ?? Text(parameters, "bucketName") ?? Text(parameters, "name")
                         ?? FirstName(parameters);
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
            resource);
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
