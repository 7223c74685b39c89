using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// One log record to the IAM actions that authorised it: the default is
/// "&lt;service prefix&gt;:&lt;eventName&gt;", then the known exceptions, and Unknown rather than a guess.
/// </summary>
public sealed partial class ActionMapper(Func<string, bool>? catalogKnowsService = null)
{
    public static ActionMapper Default { get; } = new();

    // Records repeat the same few operations thousands of times: each distinct one is mapped once.
    // AWS's API surface bounds the keys; the cap only guards against an unbounded feed of oddities.
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string Source, string? EventSource, string? EventName, string? EventType, bool HasObjectKey, bool Versioned), ActionMapping> _mapped = new();

    public ActionMapping Map(ActivityRecorded record)
    {
        var versioned = record.Source == LogSources.S3Access && AccessLogRequestUri.HasVersionId(record.RawLine);
        var key = (record.Source, record.EventSource, record.EventName, record.EventType, S3AccessLogOperations.HasObjectKey(record.ObjectKey), versioned);
        if (_mapped.TryGetValue(key, out var mapping)) return mapping;
        mapping = MapRecord(record, versioned);
        if (_mapped.Count < MaxRemembered) _mapped.TryAdd(key, mapping);
        return mapping;
    }

    private ActionMapping MapRecord(ActivityRecorded record, bool versioned)
    {
        if (record.Source == LogSources.S3Access)
            return string.IsNullOrEmpty(record.EventName)
                ? ActionMapping.Unknown("S3 access log line without an operation")
                : S3AccessLogOperations.Map(record.EventName, record.ObjectKey, versioned);
        // Service events (AwsServiceEvent) are AWS acting on its own account, not a principal's call.
        if (record.EventType is "AwsServiceEvent") return ActionMapping.None("AWS service event");
        return Map(record.EventSource, record.EventName);
    }

    public ActionMapping Map(string? eventSource, string? eventName)
    {
        if (string.IsNullOrEmpty(eventName)) return ActionMapping.Unknown("no eventName");
        var prefix = ServicePrefixes.For(eventSource, catalogKnowsService);
        if (prefix is null) return ActionMapping.Unknown($"event source {eventSource ?? "(none)"} is not known");

        var name = WithoutApiVersion(eventName);
        if (EventNameExceptions.TryGet(prefix, name, out var actions))
            return actions is null ? ActionMapping.None($"{prefix}:{name} needs no IAM permission") : ActionMapping.Of(actions);
        if (prefix == "apigateway") return ApiGateway(name);
        return ActionMapping.Of($"{prefix}:{name}");
    }

    /// <summary>
    /// Lambda (and CloudFront) log the API version in the event name: "CreateFunction20150331",
    /// "UpdateFunctionCode20150331v2", "GetDistribution2020_05_31". The action has no suffix.
    /// </summary>
    public static string WithoutApiVersion(string eventName)
    {
        var match = ApiVersionSuffix().Match(eventName);
        return match.Success && match.Index > 0 ? eventName[..match.Index] : eventName;
    }

    /// <summary>API Gateway's management API is authorised by HTTP verb ("apigateway:GET" on a resource path).</summary>
    private static ActionMapping ApiGateway(string name)
    {
        string? verb = name switch
        {
            _ when name.StartsWith("Get", StringComparison.Ordinal) => "GET",
            _ when name.StartsWith("Create", StringComparison.Ordinal) => "POST",
            _ when name.StartsWith("Import", StringComparison.Ordinal) => "PUT",
            _ when name.StartsWith("Put", StringComparison.Ordinal) => "PUT",
            _ when name.StartsWith("Update", StringComparison.Ordinal) => "PATCH",
            _ when name.StartsWith("Delete", StringComparison.Ordinal) => "DELETE",
            _ => null,
        };
        return verb is null ? ActionMapping.Unknown($"apigateway:{name} has no known HTTP verb") : ActionMapping.Of($"apigateway:{verb}");
    }

    [GeneratedRegex(@"(\d{8}(v\d+)?|\d{4}_\d{2}_\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionSuffix();
}
