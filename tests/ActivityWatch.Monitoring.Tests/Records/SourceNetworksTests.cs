using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Tests.Records;

/// <summary>One definition of "the network of an address" for posture, permissions and the ML features.</summary>
public class SourceNetworksTests
{
    [Theory]
    [InlineData("192.0.2.77", "192.0.2.0/24")]
    [InlineData("::ffff:192.0.2.77", "192.0.2.0/24")]
    [InlineData("2001:db8:1234:5678::1", "2001:db8:1234::/48")]
    [InlineData("2001:db8::1", "2001:db8::/48")]
    [InlineData("lambda.amazonaws.com", "lambda.amazonaws.com")]
    [InlineData("AWS Internal", "AWS Internal")]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Of_IsTheSlash24OrSlash48_OrTheServiceName(string? sourceIp, string? network) =>
        Assert.Equal(network, SourceNetworks.Of(sourceIp));
}
