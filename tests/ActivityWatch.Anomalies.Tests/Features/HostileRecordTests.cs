using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Tests.Support;

namespace ActivityWatch.Anomalies.Tests.Features;

/// <summary>Record fields are written by whoever made the call: any JSON shape reaches the features, none may throw.</summary>
public class HostileRecordTests
{
    [Theory]
    [InlineData("""{"role": 42}""")]
    [InlineData("""{"role": ["arn:aws:iam::1:role/x"], "taskRoleArn": {"a": 1}}""")]
    [InlineData("""{"iamInstanceProfile": "arn:aws:iam::1:instance-profile/x"}""")]
    [InlineData("""{"iamInstanceProfile": {"arn": null, "name": 7}}""")]
    [InlineData("""{"iamInstanceProfile": {"arn": "arn:aws:iam::1:instance-profile/"}}""")]
    [InlineData("""{"eventSelectors": "all"}""")]
    [InlineData("""{"eventSelectors": [null, 1, "x", {"includeManagementEvents": "false"}, {"readWriteType": 5}]}""")]
    [InlineData("""{"enable": "false", "detectorId": []}""")]
    [InlineData("""{"roleArn": {"nested": {"deeper": [1, 2, 3]}}}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void OddRequestParameters_AreFeaturized_WithoutThrowing(string requestParameters)
    {
        var featurizer = new ActivityFeaturizer(new ProfileBook());
        var kinds = NetworkKinds.Parse("""{"prefixes": [{"ip_prefix": "3.80.0.0/12"}]}""", null);
        foreach (var name in new[] { "RunInstances", "PutEventSelectors", "UpdateDetector", "AssumeRole", "CreateFunction20150331" })
        {
            var record = Activity.Call(Activity.Monday, "svc", name, requestParameters: requestParameters, accessKey: "AKIA");
            var result = featurizer.Featurize(ActivityFacts.From(record, kinds, 1));
            Assert.All(result.Vector, v => Assert.True(float.IsFinite(v) && v >= 0));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999.1.1.1")]
    [InlineData("::ffff:3.85.12.9")]
    [InlineData("fe80::1%eth0")]
    public void OddSourceAddresses_HaveAKind_WithoutThrowing(string? address)
    {
        var kinds = NetworkKinds.Parse("""{"prefixes": [{"ip_prefix": "3.80.0.0/12"}]}""", null);

        var kind = kinds.Of(address);

        Assert.True(Enum.IsDefined(kind));
    }
}
