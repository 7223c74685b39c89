using ActivityWatch.Anomalies.Features;

namespace ActivityWatch.Anomalies.Tests.Features;

public class NetworkKindsTests
{
    private static NetworkKinds Fixture() =>
        NetworkKinds.Load(Path.Combine(AppContext.BaseDirectory, "Support", "ip-ranges.json"), null);

    [Theory]
    [InlineData("3.85.12.9", NetworkKind.Aws)]
    [InlineData("52.95.245.17", NetworkKind.Aws)]
    [InlineData("2600:1f18:4000::10", NetworkKind.Aws)]
    [InlineData("192.0.2.44", NetworkKind.Public)]
    [InlineData("3.96.0.1", NetworkKind.Public)]
    [InlineData("10.20.1.2", NetworkKind.Private)]
    [InlineData("lambda.amazonaws.com", NetworkKind.AwsService)]
    [InlineData("AWS Internal", NetworkKind.AwsService)]
    [InlineData("-", NetworkKind.None)]
    [InlineData("not an address", NetworkKind.None)]
    public void Address_FromIpRangesJson_HasItsKind(string address, NetworkKind expected)
    {
        Assert.Equal(expected, Fixture().Of(address));
    }

    [Fact]
    public void HostingList_MarksItsRanges_AndAwsWinsWhereTheyOverlap()
    {
        var kinds = NetworkKinds.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "ip-ranges.json")),
            "# rented servers\n45.55.0.0/16\n3.80.0.0/16 # overlaps AWS\nrubbish\n");

        Assert.Equal(NetworkKind.Hosting, kinds.Of("45.55.3.4"));
        Assert.Equal(NetworkKind.Aws, kinds.Of("3.80.1.1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"prefixes\": \"everything\"}")]
    [InlineData("{\"prefixes\": [null, 1, [\"3.0.0.0/8\"], {\"ip_prefix\": {}}]}")]
    [InlineData("{not json")]
    public void DamagedIpRanges_GiveNoRanges_WithoutThrowing(string text)
    {
        var kinds = NetworkKinds.Parse(text, null);

        Assert.Equal(0, kinds.Ranges);
        Assert.Equal(NetworkKind.Public, kinds.Of("3.85.12.9"));
    }

    [Fact]
    public void NoConfiguredFiles_IsAnEmptyList()
    {
        Assert.Equal(0, NetworkKinds.Load(null, "/nonexistent/hosting.txt").Ranges);
    }
}
