using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Sigma;

namespace ActivityWatch.Monitoring.Tests.Detections.Sigma;

public class SigmaRuleParserTests
{
    public static TheoryData<string> Loadable() => [.. SigmaRules.Files("loadable").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Loadable))]
    public void LoadableRule_Parses(string file)
    {
        var rule = SigmaRules.Load(file);
        Assert.False(string.IsNullOrEmpty(rule.Title));
        Assert.StartsWith("sigma.", rule.RuleId);
    }

    [Theory]
    [InlineData("keywords.yml", "detection.keywords")]
    [InlineData("aggregation.yml", "detection.timeframe")]
    [InlineData("base64_modifier.yml", "requestParameters.userData|base64offset|contains")]
    [InlineData("other_logsource.yml", "logsource")]
    [InlineData("unknown_identifier.yml", "condition")]
    [InlineData("backtracking_regex.yml", "userAgent|re")]
    [InlineData("collection.yml", "YAML documents")]
    [InlineData("near.yml", "condition")]
    public void UnsupportedRule_IsRefused_NamingFileAndConstruct(string file, string construct)
    {
        var path = Path.Combine(SigmaRules.Folder("refused"), file);
        var error = Assert.Throws<SigmaRuleException>(() => SigmaRuleParser.Parse(path, File.ReadAllText(path)));
        Assert.Equal(construct, error.Construct);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void EveryRefusedTestRule_HasATestNamingItsConstruct()
    {
        Assert.Equal(8, SigmaRules.Files("refused").Count());
        Assert.Equal(12, SigmaRules.Files("loadable").Count());
    }

    [Fact]
    public void Metadata_MapsLevelTagsAndFalsePositives()
    {
        var rule = SigmaRules.Load("trail_stopped_or_deleted.yml");
        Assert.Equal("sigma.6c1e3a1b-9a0e-4f1d-8a57-0d4c2e1f7a01", rule.RuleId);
        Assert.Equal(Severity.High, rule.Severity);
        Assert.Equal(["T1562.008"], rule.Techniques);
        Assert.Equal(["defense-evasion"], rule.Tactics);
        Assert.Equal(["Decommissioning a test account"], rule.FalsePositives);
        Assert.Equal("test", rule.Status);
        var informational = SigmaRules.Load("no_id_file_name.yaml");
        Assert.Equal("sigma.no_id_file_name", informational.RuleId);
        Assert.Equal(Severity.Low, informational.Severity);
    }

    [Theory]
    [InlineData("selection:\n        eventName|wide: x\n    condition: selection", "eventName|wide")]
    [InlineData("selection:\n        eventName: []\n    condition: selection", "eventName")]
    [InlineData("selection:\n        eventName|contains|re: x\n    condition: selection", "eventName|contains|re")]
    [InlineData("selection:\n        eventName: x\n    condition: selection and", "condition")]
    [InlineData("selection:\n        eventName: x\n    condition: (selection", "condition")]
    [InlineData("selection:\n        eventName: x\n    condition: 1 of nothing_*", "condition")]
    [InlineData("selection:\n        eventName:\n            nested: map\n    condition: selection", "detection.selection.eventName")]
    [InlineData("selection: StopLogging\n    condition: selection", "detection.selection")]
    [InlineData("selection:\n        sourceIPAddress|cidr: not-a-network\n    condition: selection", "sourceIPAddress|cidr")]
    [InlineData("selection:\n        eventName: x\n    condition:\n        - selection", "detection.condition")]
    public void MalformedDetection_IsRefused(string detection, string construct)
    {
        var yaml = $"title: t\nlogsource:\n    product: aws\n    service: cloudtrail\ndetection:\n    {detection}\nlevel: low\n";
        Assert.Equal(construct, Assert.Throws<SigmaRuleException>(() => SigmaRules.Parse(yaml)).Construct);
    }

    [Theory]
    [InlineData("level: severe", "level")]
    [InlineData("status: unsupported", "status")]
    [InlineData("not: [valid", "YAML")]
    public void BadMetadata_IsRefused(string line, string construct)
    {
        var yaml = $"title: t\nlogsource: {{product: aws, service: cloudtrail}}\ndetection:\n    s:\n        eventName: x\n    condition: s\n{line}\n";
        Assert.Equal(construct, Assert.Throws<SigmaRuleException>(() => SigmaRules.Parse(yaml)).Construct);
    }
}
