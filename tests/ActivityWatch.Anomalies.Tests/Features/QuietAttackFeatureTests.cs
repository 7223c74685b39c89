using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Tests.Support;

namespace ActivityWatch.Anomalies.Tests.Features;

/// <summary>The features for attacks that change little: each fires on its attack and stays quiet on the benign change beside it.</summary>
public class QuietAttackFeatureTests
{
    private const string AliceKey = "AKIAEXAMPLEALICE0001";
    private static readonly NetworkKinds Ranges = NetworkKinds.Load(Path.Combine(AppContext.BaseDirectory, "Support", "ip-ranges.json"), null);
    private static readonly DateTimeOffset After = Activity.Monday.AddDays(14);

    private static ActivityFeaturizer WithHistory()
    {
        var featurizer = new ActivityFeaturizer(new ProfileBook());
        foreach (var record in Activity.OfficeWeeks()) featurizer.Featurize(ActivityFacts.From(record with { AccessKeyId = AliceKey }, Ranges));
        return featurizer;
    }

    private static float Feature(FeaturizedActivity activity, string name) => activity.Vector[FeatureNames.IndexOf(name)];

    [Fact]
    public void LongTermKey_FromAnAwsAddress_IsFlagged_ButAHotelIsOnlyANewNetwork()
    {
        var featurizer = WithHistory();

        var cloud = featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "DescribeInstances", "3.85.12.9", accessKey: AliceKey), Ranges));
        var hotel = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "DescribeInstances", "66.85.4.20", accessKey: AliceKey), Ranges));

        Assert.Equal(1f, Feature(cloud, FeatureNames.KeyFromCloud));
        Assert.Equal(1f, Feature(cloud, FeatureNames.NetworkCloud));
        Assert.Equal(1f, Feature(hotel, FeatureNames.NetworkFirst));
        Assert.Equal(0f, Feature(hotel, FeatureNames.KeyFromCloud));
        Assert.Equal(0f, Feature(hotel, FeatureNames.NetworkCloud));
    }

    [Fact]
    public void NewKey_FromANewNetwork_ChangesTogether_WhileARotationAtTheOfficeDoesNot()
    {
        var rotated = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "DescribeInstances", accessKey: "AKIAEXAMPLEALICE0002"), Ranges));
        var elsewhere = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "DescribeInstances", "66.85.4.20", accessKey: "AKIAEXAMPLEALICE0002"), Ranges));

        Assert.Equal(1f, Feature(rotated, FeatureNames.KeyNew));
        Assert.Equal(0f, Feature(rotated, FeatureNames.OriginTogether));
        Assert.Equal(1f, Feature(elsewhere, FeatureNames.OriginTogether));
    }

    [Fact]
    public void NewDiscoveryCalls_SpreadOverHours_AddUp()
    {
        var featurizer = WithHistory();
        string[] discovery = ["ListUsers", "ListRoles", "ListPolicies", "GetAccountSummary", "ListGroups", "ListInstanceProfiles", "ListSAMLProviders", "ListAccessKeys"];

        FeaturizedActivity last = null!;
        for (var i = 0; i < discovery.Length; i++)
            last = featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddHours(9).AddMinutes(40 * i), "iam", discovery[i]), Ranges));

        Assert.True(Feature(last, FeatureNames.ApiNewOverHours) > 0.6f, $"{Feature(last, FeatureNames.ApiNewOverHours)}");
        Assert.True(Feature(last, FeatureNames.DiscoverySpread) > 0.6f, $"{Feature(last, FeatureNames.DiscoverySpread)}");
    }

    [Fact]
    public void GuardrailSwitchedOff_IsFlagged_ButAnUpdateThatKeepsItOnIsNot()
    {
        var off = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "guardduty", "UpdateDetector", requestParameters: """{"detectorId":"d1","enable":false}"""), Ranges));
        var tuned = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "guardduty", "UpdateDetector", requestParameters: """{"detectorId":"d1","findingPublishingFrequency":"FIFTEEN_MINUTES"}"""), Ranges));
        var stopped = WithHistory().Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "cloudtrail", "StopLogging", requestParameters: """{"name":"t"}"""), Ranges));

        Assert.Equal(1f, Feature(off, FeatureNames.GuardrailDisabled));
        Assert.Equal(0f, Feature(tuned, FeatureNames.GuardrailDisabled));
        Assert.Equal(1f, Feature(stopped, FeatureNames.GuardrailDisabled));
    }

    [Fact]
    public void EstablishedRole_PassedToNewCompute_IsFlagged_ButABrandNewRoleLessSo()
    {
        var featurizer = WithHistory();
        const string deploy = "arn:aws:iam::111122223333:role/terraform-deploy";
        for (var i = 0; i < 60; i++)
            featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddMinutes(i), "s3", "GetObject", principal: deploy), Ranges));

        var established = featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "RunInstances",
            requestParameters: """{"instanceType":"t3.medium","iamInstanceProfile":{"arn":"arn:aws:iam::111122223333:instance-profile/terraform-deploy"}}"""), Ranges));
        var fresh = featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddHours(11), "lambda", "CreateFunction20150331",
            requestParameters: """{"functionName":"f","role":"arn:aws:iam::111122223333:role/brand-new"}"""), Ranges));

        Assert.Equal(deploy, established.Facts.PassedRole);
        Assert.Equal(1f, Feature(established, FeatureNames.RolePassedNew));
        Assert.True(Feature(fresh, FeatureNames.RolePassedNew) < 0.5f);
    }

    [Fact]
    public void ReadBurst_AgainstTheBusiestHour_IsFlagged()
    {
        var featurizer = WithHistory();

        FeaturizedActivity last = null!;
        for (var i = 0; i < 400; i++)
            last = featurizer.Featurize(ActivityFacts.From(Activity.Call(After.AddHours(10).AddSeconds(8 * i), "s3", "GetObject"), Ranges));

        Assert.True(Feature(last, FeatureNames.VolumeHourOfWeek) >= 1f, $"{Feature(last, FeatureNames.VolumeHourOfWeek)}");
    }

    [Fact]
    public void SameEventSequenceTwice_IsLearnedOnce()
    {
        var featurizer = WithHistory();
        var facts = ActivityFacts.From(Activity.Call(After.AddHours(10), "ec2", "DescribeInstances"), Ranges, sequence: 5_000);
        var before = featurizer.Profiles.Find(Activity.Alice)!.Events;

        var first = featurizer.Featurize(facts);
        var again = featurizer.Featurize(facts);

        Assert.False(first.AlreadyLearned);
        Assert.True(again.AlreadyLearned);
        Assert.False(again.Warm);
        Assert.Equal(before + 1, featurizer.Profiles.Find(Activity.Alice)!.Events);
    }
}
