using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Tests.Support;

namespace ActivityWatch.Anomalies.Tests.Features;

public class FeatureExtractionTests
{
    private static (ActivityFeaturizer Featurizer, DateTimeOffset After) WithHistory()
    {
        var featurizer = new ActivityFeaturizer(new ProfileBook());
        foreach (var record in Activity.OfficeWeeks()) featurizer.Featurize(ActivityFacts.From(record));
        return (featurizer, Activity.Monday.AddDays(14));
    }

    private static float Feature(FeaturizedActivity activity, string name) => activity.Vector[FeatureNames.IndexOf(name)];

    [Fact]
    public void FirstCall_FromNewNetworkAndClient_IsNewOnEveryAxis()
    {
        var (featurizer, after) = WithHistory();

        var result = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(10), "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent)));

        Assert.True(result.Warm);
        Assert.Equal(1f, Feature(result, FeatureNames.ApiFirst));
        Assert.Equal(1f, Feature(result, FeatureNames.ApiFirstSensitive));
        Assert.Equal(1f, Feature(result, FeatureNames.NetworkFirst));
        Assert.Equal(1f, Feature(result, FeatureNames.AgentFirst));
        Assert.True(Feature(result, FeatureNames.NoveltyTogether) > 0.4f);
    }

    [Fact]
    public void HabitualCall_FromTheOffice_IsNotNew()
    {
        var (featurizer, after) = WithHistory();

        var result = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(10), "ec2", "DescribeInstances")));

        Assert.Equal(0f, Feature(result, FeatureNames.ApiFirst));
        Assert.Equal(0f, Feature(result, FeatureNames.NetworkFirst));
        Assert.Equal(0f, Feature(result, FeatureNames.AgentFirst));
        Assert.Equal(0f, Feature(result, FeatureNames.RegionFirst));
        Assert.True(Feature(result, FeatureNames.HourUnusual) < 0.2f);
    }

    [Fact]
    public void NewRegion_IsFirstSeen_ThenLearned()
    {
        var (featurizer, after) = WithHistory();

        var first = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(10), "ec2", "DescribeInstances", region: "ap-southeast-2")));
        for (var i = 0; i < 3; i++) featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(11), "ec2", "DescribeInstances", region: "ap-southeast-2")));
        var later = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(12), "ec2", "DescribeInstances", region: "ap-southeast-2")));

        Assert.Equal(1f, Feature(first, FeatureNames.RegionFirst));
        Assert.Equal(0f, Feature(later, FeatureNames.RegionFirst));
    }

    [Fact]
    public void CallAt0310_ForAnOfficeHoursPrincipal_IsUnusualHour()
    {
        var (featurizer, after) = WithHistory();

        var night = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(3).AddMinutes(10), "ec2", "DescribeInstances")));

        Assert.True(Feature(night, FeatureNames.HourUnusual) > 0.9f);
    }

    [Fact]
    public void BurstOfDeniedCalls_RaisesErrorFeatures()
    {
        var (featurizer, after) = WithHistory();
        FeaturizedActivity last = null!;
        string[] apis = ["ListUsers", "ListRoles", "ListPolicies", "GetAccountAuthorizationDetails", "ListGroups", "ListAccessKeys", "ListMFADevices"];
        for (var i = 0; i < apis.Length; i++)
            last = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(10).AddSeconds(i * 20), "iam", apis[i], error: "AccessDenied")));

        Assert.True(Feature(last, FeatureNames.ErrorBurst) > 0.5f);
        Assert.True(Feature(last, FeatureNames.ErrorDistinctMessages) > 0.5f);
        Assert.True(Feature(last, FeatureNames.ApiNewInWindow) > 0.5f);
    }

    [Fact]
    public void AssumeRole_ByAPrincipalThatNeverAssumedIt_IsNewAssumer()
    {
        var (featurizer, after) = WithHistory();
        const string role = "{\"roleArn\":\"arn:aws:iam::111122223333:role/terraform-deploy\",\"roleSessionName\":\"x\"}";
        // The role is an established one (CI works through it), not one created a minute ago.
        for (var i = 0; i < 5; i++)
            featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddMinutes(i), "s3", "GetObject", principal: "arn:aws:iam::111122223333:role/terraform-deploy")));

        var first = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(10), "sts", "AssumeRole", requestParameters: role)));
        var second = featurizer.Featurize(ActivityFacts.From(Activity.Call(after.AddHours(11), "sts", "AssumeRole", requestParameters: role)));

        Assert.Equal(1f, Feature(first, FeatureNames.RoleNewAssumer));
        Assert.Equal(0f, Feature(second, FeatureNames.RoleNewAssumer));
    }


    [Fact]
    public void UserAgentFamily_KeepsClientMajorVersionAndOs()
    {
        Assert.Equal("aws-cli/2 os/macos", UserAgentFamily.Of(Activity.CliAgent));
        Assert.Equal("Browser/Firefox", UserAgentFamily.Of("Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0"));
    }
}
