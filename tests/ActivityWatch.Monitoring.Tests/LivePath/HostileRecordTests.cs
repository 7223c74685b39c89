using System.Text.Json;
using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Tests.Alerts;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.LivePath;

/// <summary>
/// Every field of a record may be written by an attacker. Whatever a record holds, the rest of its
/// file is stored and judged, the live path never pauses, and the views still equal a fold of the
/// stored events. Each test ends with a root console sign-in without MFA: it must still alert.
/// </summary>
[Collection(AlertsDatabaseCollection.Name)]
public sealed class HostileRecordTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(HostileRecordTests));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PolicyDocumentsOfEveryWrongShape_AreStored_AndTheRootSignInAfterThemAlerts()
    {
        string[] documents =
        [
            "[1]", "true", "5", "\"text\"", "{\"Statement\": 5}", "{\"Statement\": [1, \"x\", null]}",
            "{\"Statement\": [{\"Effect\": 7, \"Action\": 8, \"Resource\": [9]}]}",
            "{\"Statement\": {\"Effect\": [\"Allow\"], \"Action\": {\"a\": 1}, \"Resource\": \"*\"}}",
            "%5B1%5D", "%7B%22Statement%22%3A", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}\u0000",
        ];
        var records = documents.Select(d => Call(IamUser(), "PutUserPolicy", requestParameters: new JsonObject
        {
            ["userName"] = "bob", ["policyName"] = "p", ["policyDocument"] = d,
        })).ToList();
        records.Add(Call(IamUser(), "PutUserPolicy", requestParameters: Json("""{"userName":"bob","policyName":"o","policyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}""")));
        records.Add(Call(IamUser(), "CreatePolicyVersion", requestParameters: Json("""{"policyArn":7,"policyDocument":[[[]]],"setAsDefault":"yes"}""")));
        records.Add(Call(IamUser(), "AttachUserPolicy", requestParameters: Json("""{"userName":{"n":1},"policyArn":["arn:aws:iam::aws:policy/AdministratorAccess"]}""")));

        await IngestWithRootSignInAsync(records);
    }

    [Fact]
    public async Task NulAndLoneSurrogates_InValuesAndKeys_AreStored_WithSafeFields_AndTheRawRecordDisplays()
    {
        var eventId = Guid.NewGuid().ToString();
        string[] records =
        [
            Raw(Call(IamUser(), "ListBuckets", "s3.amazonaws.com", eventId: eventId), """ "userAgent": "curl\u0000/8.0", "requestParameters": {"key\u0000": "v\u0000", "bucketName": "b\u0000"} """),
            Raw(Call(IamUser("eve\u0000"), "Get\u0000Object", "s3.amazonaws.com"), """ "userAgent": "\ud800\udfff\udc00" """),
            Raw(Call(IamUser(), "GetObject", "s3.amazonaws.com"), """ "sourceIPAddress": "10.0.0.\u0000", "errorCode": "\ud83d" """),
        ];

        await IngestWithRootSignInAsync(records);

        var entry = Assert.Single(await _host.Get<TimelineQueries>().GetAsync([Recording.EventIds.FromRecordKey($"cloudtrail:{Account}:{eventId}")], CancellationToken.None));
        Assert.Equal($"curl{RecordText.Replacement}/8.0", entry.UserAgent);
        Assert.Equal("curl\u0000/8.0", entry.Raw!.Value.GetProperty("userAgent").GetString());
    }

    [Fact]
    public async Task HugeValuesAndDeepNesting_AreStoredOrQuarantined_AndEveryRecordIsAccountedFor()
    {
        var huge = new string('A', 1_000_000);
        var nested100 = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var nested300 = string.Concat(Enumerable.Repeat("[", 300)) + new string(']', 300);
        string[] records =
        [
            Raw(Call(IamUser(), "ListBuckets", "s3.amazonaws.com"), $""" "userAgent": "{huge}" """),
            Call(IamUser(new string('u', 10_000)), "ListBuckets", "s3.amazonaws.com"),
            Call(IamUser(), new string('E', 5_000), "s3.amazonaws.com"),
            Raw(Call(IamUser(), "PutBucketPolicy", "s3.amazonaws.com"), $""" "requestParameters": {nested100} """),
            Raw(Call(IamUser(), "PutBucketPolicy", "s3.amazonaws.com"), "\"requestParameters\": {\"policy\": " + nested300 + "}"),
        ];

        var summary = await IngestWithRootSignInAsync(records, expectRejected: 1);

        await using var session = _host.Store.QuerySession();
        var quarantined = Assert.Single(await session.ListAsync(null, 10, CancellationToken.None));
        Assert.Contains("depth", quarantined.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(summary.Records, summary.Ingested + summary.Duplicates + summary.Rejected);
    }

    /// <summary>Ingests the records and a root console sign-in after them, in one file; checks what must always hold.</summary>
    private async Task<Ingestion.Pipeline.IngestSummary> IngestWithRootSignInAsync(IReadOnlyList<string> records, int expectRejected = 0)
    {
        var rootSignIn = Guid.NewGuid().ToString();
        var summary = await _host.IngestCloudTrailAsync([.. records, ConsoleLogin(Root(), mfaUsed: "No", eventId: rootSignIn)]);
        await _host.WaitForProjectionsAsync();

        Assert.Empty(summary.Failures);
        Assert.Equal(records.Count + 1, summary.Records);
        Assert.Equal(expectRejected, summary.Rejected);
        Assert.Equal(records.Count + 1 - expectRejected, summary.Ingested);
        Assert.Contains(await _host.AlertsAsync("root.console-signin"), a => a.EventIds.Contains(rootSignIn));
        var verification = await _host.Get<ViewVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Clean, string.Join("; ", verification.Views.Where(v => v.Differences > 0).Select(v => $"{v.View}: {v.Differences}")));
        Assert.Equal(verification.NewestSequence, verification.ProcessedSequence);
        return summary;
    }

    /// <summary>The record with some of its members replaced by raw JSON text (escapes a JSON builder would not write).</summary>
    private static string Raw(string record, string members)
    {
        var node = JsonNode.Parse(record)!.AsObject();
        using var replaced = JsonDocument.Parse("{" + members + "}", new JsonDocumentOptions { MaxDepth = 1_000 });
        foreach (var property in replaced.RootElement.EnumerateObject()) node.Remove(property.Name);
        return node.ToJsonString()[..^1] + "," + members + "}";
    }
}
