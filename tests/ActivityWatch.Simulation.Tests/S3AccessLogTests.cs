using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class S3AccessLogTests
{
    [Fact]
    public void EveryAccessLogLine_HasTheDocumentedFields()
    {
        var lines = SampleWeek.Records.Where(r => r.Kind == SimulatedLogKind.S3Access).ToList();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var fields = S3AccessLogFields.Split(line.Text);
            Assert.Equal(27, fields.Count);
            Assert.Matches("^[0-9a-f]{64}$", fields[0]);
            Assert.Matches(@"^\[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\]$", fields[2]);
            Assert.StartsWith("REST.", fields[6].Replace("BATCH.", "REST.", StringComparison.Ordinal));
            Assert.StartsWith("\"", fields[8]);
            Assert.Equal("\"-\"", fields[15]);
            Assert.Contains(fields[19], new[] { "SigV4", "-" });
            Assert.Contains(fields[23], new[] { "TLSv1.2", "TLSv1.3" });
            Assert.Equal("-", fields[24]);
            Assert.Equal("-", fields[25]);
        }
    }

    [Fact]
    public void AccessLogs_IncludeAnonymousAndSignedRequesters()
    {
        var requesters = SampleWeek.Records.Where(r => r.Kind == SimulatedLogKind.S3Access).Select(r => S3AccessLogFields.Split(r.Text)[4]).ToList();

        Assert.Contains("-", requesters);
        Assert.Contains(requesters, r => r.StartsWith("arn:aws:sts::", StringComparison.Ordinal));
        Assert.Contains(requesters, r => r.StartsWith("arn:aws:iam::", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutS3AccessLogs_OnlyCloudTrailIsGenerated()
    {
        var records = new ActivitySimulator(new SimulationOptions { Days = 1, IncludeS3AccessLogs = false }).Generate();

        Assert.All(records, r => Assert.Equal(SimulatedLogKind.CloudTrail, r.Kind));
    }
}
