using System.Text.Json;
using ActivityWatch.Simulation.Estate;

namespace ActivityWatch.Simulation.Tests;

public class EstateTests
{
    private static readonly EstateOptions Small = new() { Seed = 3, People = 12, Days = 14 };

    [Fact]
    public void Generate_SameOptionsTwice_YieldsIdenticalRecords()
    {
        var first = new EstateSimulator(Small).Generate().Take(5_000).Select(r => r.Text).ToList();
        var second = new EstateSimulator(Small).Generate().Take(5_000).Select(r => r.Text).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_WithAttacks_LeavesBenignRecordsUnchanged_AndInjectsEveryClass()
    {
        var simulator = new EstateSimulator(Small);
        var attacks = simulator.PlanAttacks(2, Small.Start.AddDays(7), Small.End, seed: 3);
        var benign = simulator.Generate().Where(r => r.Scenario is null).Select(r => r.Text).ToList();

        var attacked = new EstateSimulator(Small with { Attacks = attacks }).Generate().ToList();

        Assert.Equal(benign, attacked.Where(r => r.Scenario is null).Select(r => r.Text).ToList());
        var kinds = attacked.Where(r => r.Scenario is not null).Select(r => EstateAttackKinds.KindOf(r.Scenario!)).Distinct().Order().ToList();
        Assert.Equal(EstateAttackKinds.All.Order().ToList(), kinds);
        Assert.Equal(attacks.Count, attacked.Where(r => r.Scenario is not null).Select(r => r.Scenario).Distinct().Count());
    }

    [Fact]
    public void Generate_RecordsAreCloudTrailShaped_InTimeOrder()
    {
        var records = new EstateSimulator(Small).Generate().Take(20_000).ToList();

        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Time <= p.Second.Time));
        foreach (var record in records.Where(r => r.Kind == SimulatedLogKind.CloudTrail))
        {
            using var json = JsonDocument.Parse(record.Text);
            var root = json.RootElement;
            foreach (var field in new[] { "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "eventID", "eventType", "recipientAccountId" })
                Assert.True(root.TryGetProperty(field, out _), $"{field} missing: {record.Text}");
        }
    }

    [Fact]
    public void Generate_BenignNovelty_ShowsUpInHistory()
    {
        var records = new EstateSimulator(Small).Generate().ToList();
        var texts = records.Select(r => r.Text).ToList();

        Assert.Contains(texts, t => t.Contains("\"eventName\":\"CreateRole\"", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("exec-env/CloudShell", StringComparison.Ordinal) || t.Contains("ops-oncall", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("\"eventName\":\"CreateUser\"", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("\"sourceIPAddress\":\"3.", StringComparison.Ordinal) || t.Contains("\"sourceIPAddress\":\"44.", StringComparison.Ordinal)
                                    || t.Contains("\"sourceIPAddress\":\"54.", StringComparison.Ordinal) || t.Contains("\"sourceIPAddress\":\"18.", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishedRanges_AreInIpRangesJsonShape()
    {
        using var json = JsonDocument.Parse(EstateNetworks.AwsIpRangesJson());

        var prefixes = json.RootElement.GetProperty("prefixes").EnumerateArray().ToList();
        Assert.NotEmpty(prefixes);
        Assert.All(prefixes, p => Assert.Contains("/", p.GetProperty("ip_prefix").GetString()));
        Assert.Contains(prefixes, p => p.GetProperty("service").GetString() == "EC2");
    }
}
