using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Delivery.Webhooks;

namespace ActivityWatch.Delivery.Tests.Webhooks;

public sealed class SlackPayloadTests
{
    [Fact]
    public void LongTitle_IsCutToSlacksHeaderLimit()
    {
        var payload = SlackPayload.Build(Alert(title: new string('x', 400)));

        var header = (string)payload["blocks"]![0]!["text"]!["text"]!;
        Assert.Equal(150, header.Length);
    }

    [Fact]
    public void UpdatedAlert_SaysUpdated_AndShowsCisInTheContext()
    {
        var payload = SlackPayload.Build(Alert(title: "Root API call") with { Change = "updated", Count = 7, Version = 3 });

        Assert.Equal("[CRITICAL] Root API call: arn:aws:iam::123456789012:root (7x, alert updated)", (string)payload["text"]!);
        var context = payload["blocks"]!.AsArray().Last()!;
        Assert.Equal("context", (string)context["type"]!);
        Assert.EndsWith("version 3 · CIS 5.3", (string)context["elements"]![0]!["text"]!);
    }

    private static AlertPublished Alert(string title) => new()
    {
        AlertId = Guid.NewGuid(),
        Version = 1,
        Change = "raised",
        RuleId = "root-api-call",
        Title = title,
        Severity = "critical",
        Cis = ["5.3"],
        Mitre = [],
        Principal = "arn:aws:iam::123456789012:root",
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastSeen = DateTimeOffset.UnixEpoch,
        Count = 1,
        EventIds = ["e"],
        Explanation = "",
    };
}
