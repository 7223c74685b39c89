using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

/// <summary>
/// Every field of a record may be written by an attacker: every rule, on every eventName it names,
/// must survive strings where objects are documented, numbers, arrays, nulls, deep nesting and
/// huge values, without throwing.
/// </summary>
public class HostileRecordTests
{
    private static readonly Func<JsonNode?>[] Shapes =
    [
        () => null,
        () => "a string where an object belongs",
        () => 12345678901234567890.0,
        () => true,
        () => new JsonArray(1, "two", null, new JsonObject()),
        () => Deep(200),
        () => new string('A', 100_000),
        () => new JsonObject { ["x"] = Deep(60) },
        // Replaced by a lone surrogate escape ("\ud800", legal JSON with no .NET string form) in values and names.
        () => new JsonObject { [Surrogate] = Surrogate, ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = Surrogate, [Surrogate] = "Allow" }) },
    ];

    private const string Surrogate = "LONE-SURROGATE";

    private static readonly string[] Fields =
    [
        "policyDocument", "assumeRolePolicyDocument", "bucketPolicy", "names", "name", "instanceIds", "targets", "target", "instanceId", "secretId",
        "secretIdList", "withDecryption", "layers", "principal", "createVolumePermission", "launchPermission", "valuesToAdd", "attributeName",
        "ipPermissions", "ReplicationConfiguration", "BucketLoggingStatus", "VersioningConfiguration", "PublicAccessBlockConfiguration",
        "eventSelectors", "advancedEventSelectors", "insightSelectors", "userData", "instanceType", "key", "userName", "status",
        "minimumPasswordLength", "LifecycleConfiguration", "policyArn", "attribute", "AssociateIamInstanceProfileRequest", "authType",
    ];

    [Fact]
    public async Task EveryRule_OnHostileRequestParameters_NeverThrows()
    {
        var context = new DetectionContext(new DetectionOptions(), ["trail-bucket"]);
        var windows = new DetectionWindows(persistent: false);
        var evaluated = 0;
        foreach (var rule in DetectionCatalogue.Rules)
        foreach (var eventName in rule.EventNames ?? new HashSet<string> { "DescribeInstances" })
        foreach (var shape in Shapes)
        {
            foreach (var parameters in new JsonNode?[] { shape(), Fields.Aggregate(new JsonObject(), (o, f) => { o[f] = shape(); return o; }) })
            {
                var json = Call(AssumedRole("web", "i-0123456789abcdef0"), eventName, "s3.amazonaws.com", parameters, shape(), sourceIp: "203.0.113.1")
                    .Replace(Surrogate, "\\ud800", StringComparison.Ordinal);
                if (await TryParseAsync(json) is not { } record) continue;
                context.Observe(record);
                if (rule.Match(record, context) is { } why && rule.Threshold is { } threshold)
                    await windows.CountAsync(null!, rule, threshold(context.Options), record, why, null, CancellationToken.None);
                evaluated++;
            }
        }
        Assert.True(evaluated > 500, $"only {evaluated} evaluations");
    }

    [Theory]
    [InlineData("""{"type":"Root"}""")]
    [InlineData("\"Root\"")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"type":"AssumedRole","arn":42,"sessionContext":"none","invokedBy":{"a":1}}""")]
    public async Task EveryRule_OnAHostileIdentity_NeverThrows(string identity)
    {
        var context = new DetectionContext(new DetectionOptions());
        foreach (var rule in DetectionCatalogue.Rules)
        foreach (var eventName in rule.EventNames ?? new HashSet<string> { "ListUsers" })
        {
            var record = Json(Call(new JsonObject(), eventName)).AsObject();
            record["userIdentity"] = JsonNode.Parse(identity);
            record["additionalEventData"] = "MFAUsed";
            record["responseElements"] = new JsonArray("Failure");
            if (await TryParseAsync(record.ToJsonString()) is { } parsed) rule.Match(parsed, context);
        }
    }

    private static async Task<ActivityWatch.Monitoring.Records.ActivityRecorded?> TryParseAsync(string json)
    {
        try { return await Parsed.RecordAsync(json); }
        catch (InvalidOperationException) { return null; } // quarantined by the parser: never reaches a rule
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++) node = i % 2 == 0 ? new JsonObject { ["Statement"] = node } : new JsonArray(node);
        return node;
    }
}
