using System.Text.Json.Nodes;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>
/// The console over history that ended weeks ago (an import, a source that stopped), as a new
/// analyst meets the sample week: nothing happened in the last 24 hours of the clock.
/// </summary>
public sealed class HistoryConsoleServer : ConsoleServer
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Tuesday = Monday.AddDays(1);
    public static readonly string Chen = $"arn:aws:iam::{CloudTrailRecords.Account}:user/chen";

    /// <summary>The newest record: the last security group change, Tuesday 13:00.</summary>
    public static readonly DateTimeOffset Newest = Tuesday.AddHours(5);

    // Only the rules raise alerts here: the anomaly model would add its own to these few records.
    protected override void Configure(Dictionary<string, string?> settings) => settings["ActivityWatch:Anomaly:Enabled"] = "false";

    protected override async Task SeedAsync()
    {
        var records = new List<string>();
        // Alice: 150 reads, one every 2 minutes from Monday 08:00 (the last 12:58).
        for (var i = 0; i < 150; i++)
            records.Add(CloudTrailRecords.IamUserCall("GetObject", time: Monday.AddMinutes(2 * i), sourceIp: "198.51.100." + (i % 3 + 10)));
        records.Add(CloudTrailRecords.IamUserCall("CreateUser", "chen", "iam.amazonaws.com", Monday.AddHours(2), sourceIp: "203.0.113.45", accessKeyId: "AKIAPPLKSBACHGGXSIS2", mfa: true));
        records.Add(CloudTrailRecords.IamUserCall("ListBuckets", "chen", time: Monday.AddHours(3), sourceIp: "203.0.113.45", accessKeyId: "AKIAPPLKSBACHGGXSIS2"));
        // A user agent that is a spreadsheet formula: exports must keep it text.
        var formula = JsonNode.Parse(CloudTrailRecords.IamUserCall("PutObject", "mallory", time: Monday.AddHours(4), mfa: true))!.AsObject();
        formula["userAgent"] = "=HYPERLINK(\"http://attacker.example/\",\"click\")";
        records.Add(formula.ToJsonString());
        // Writes above are made with MFA, so the only alerts are these. Three security group changes by one role on Tuesday: three low alerts of one rule, principal and day.
        foreach (var hour in new[] { 1, 3, 5 })
            records.Add(CloudTrailRecords.AssumedRoleCall("AuthorizeSecurityGroupIngress", time: Tuesday.AddHours(hour)));
        // A root API call on Tuesday 10:00: a high alert.
        records.Add(CloudTrailRecords.RootCall("ListUsers", time: Tuesday.AddHours(2)));
        await IngestAsync([.. records]);
        await WaitForProjectionsAsync();
    }
}
