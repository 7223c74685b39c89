using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Tests.Alerts;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Posture;

[Collection(AlertsDatabaseCollection.Name)]
public class PostureProjectionTests
{
    [Fact]
    public async Task RootUsage_CountsRootActivityPerAccountAndDay()
    {
        await using var host = await TestHost.StartAsync(nameof(RootUsage_CountsRootActivityPerAccountAndDay));

        await host.IngestCloudTrailAsync(
            ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "203.0.113.9", time: Monday),
            ConsoleLogin(Root(), success: false, time: Monday.AddMinutes(-5)),
            Call(Root(), "ListUsers", time: Monday.AddMinutes(3)),
            Call(Root(accessKeyId: "AKIAROOTKEY000000001"), "DescribeInstances", "ec2.amazonaws.com", time: Monday.AddDays(1)),
            Call(Root(invokedBy: "cloudformation.amazonaws.com"), "CreateRole", time: Monday.AddDays(2)),
            ServiceEvent(Root(), "RotateKey", "kms.amazonaws.com"),
            Call(IamUser(), "ListUsers", time: Monday));

        var usage = Assert.Single(await host.Get<PostureQueries>().RootUsageAsync(CancellationToken.None));
        Assert.Equal(Account, usage.Id);
        Assert.Equal(Monday, usage.LastConsoleSignIn);
        Assert.Equal("203.0.113.9", usage.LastConsoleSignInIp);
        Assert.True(usage.LastConsoleSignInMfa);
        Assert.Equal(1, usage.FailedConsoleSignIns);
        Assert.Equal(Monday.AddDays(1), usage.LastApiCall);
        Assert.Equal("ec2.amazonaws.com:DescribeInstances", usage.LastApiCallName);
        Assert.Equal(["AKIAROOTKEY000000001"], usage.AccessKeysSeen);
        Assert.Equal(3, usage.PerDay["2026-11-02"]);
        Assert.Equal(1, usage.PerDay["2026-11-03"]);
        Assert.Equal(4, usage.Total);
    }

    [Fact]
    public async Task MfaPosture_TracksSignInsAndDeviceChangesPerUser()
    {
        await using var host = await TestHost.StartAsync(nameof(MfaPosture_TracksSignInsAndDeviceChangesPerUser));

        await host.IngestCloudTrailAsync(
            ConsoleLogin(IamUser("alice"), mfaUsed: "Yes", time: Monday),
            ConsoleLogin(IamUser("alice"), mfaUsed: "No", time: Monday.AddHours(1)),
            ConsoleLogin(IamUser("bob"), mfaUsed: "No", time: Monday),
            ConsoleLogin(IamUser("bob"), success: false, time: Monday.AddHours(2)),
            Call(AssumedRole(), "EnableMFADevice", requestParameters: Json("""{"userName":"bob","serialNumber":"arn:aws:iam::123456789012:mfa/bob"}"""), time: Monday.AddHours(3)),
            Call(IamUser("alice", sessionMfa: true), "DeactivateMFADevice", requestParameters: Json("""{"userName":"alice","serialNumber":"arn:aws:iam::123456789012:mfa/alice"}"""), time: Monday.AddHours(4)),
            ConsoleLogin(AssumedRole("OktaAdmins", "carol@example.com"), samlProviderArn: "arn:aws:iam::123456789012:saml-provider/Okta"));

        var users = (await host.Get<PostureQueries>().MfaAsync(CancellationToken.None)).ToDictionary(u => u.UserName);
        Assert.Equal(["alice", "bob"], users.Keys.Order());
        var alice = users["alice"];
        Assert.Equal(Monday, alice.LastSignInWithMfa);
        Assert.Equal(Monday.AddHours(1), alice.LastSignInWithoutMfa);
        Assert.Equal((1, 1), (alice.SignInsWithMfa, alice.SignInsWithoutMfa));
        Assert.False(alice.HasMfaDevice);
        Assert.Equal("DeactivateMFADevice", Assert.Single(alice.DeviceChanges).EventName);
        var bob = users["bob"];
        Assert.Null(bob.LastSignInWithMfa);
        Assert.Equal(1, bob.SignInsWithoutMfa);
        Assert.True(bob.HasMfaDevice);
    }

    [Fact]
    public async Task AccessKeyInventory_RecordsCreationUseAndNetworks()
    {
        await using var host = await TestHost.StartAsync(nameof(AccessKeyInventory_RecordsCreationUseAndNetworks));
        const string key = "AKIABOBNEWKEY0000001";

        await host.IngestCloudTrailAsync(
            Call(IamUser("alice"), "CreateAccessKey", requestParameters: Json("""{"userName":"bob"}"""),
                responseElements: Json($$$"""{"accessKey":{"userName":"bob","accessKeyId":"{{{key}}}","status":"Active","createDate":"2026-11-02T08:00:00Z"}}"""), time: Monday),
            Call(IamUser("bob", accessKeyId: key), "ListBuckets", "s3.amazonaws.com", sourceIp: "192.0.2.10", time: Monday.AddHours(1)),
            Call(IamUser("bob", accessKeyId: key), "GetObject", "s3.amazonaws.com", sourceIp: "192.0.2.77", time: Monday.AddHours(2)),
            Call(IamUser("bob", accessKeyId: key), "DescribeInstances", "ec2.amazonaws.com", sourceIp: "198.51.100.5", time: Monday.AddHours(3)),
            Call(AssumedRole(), "DescribeInstances", "ec2.amazonaws.com"));

        var keys = await host.Get<PostureQueries>().AccessKeysAsync(CancellationToken.None);
        var bobs = Assert.Single(keys, k => k.Id == key);
        Assert.Equal("bob", bobs.UserName);
        Assert.Equal(Monday, bobs.Created);
        Assert.Equal(Monday.AddHours(1), bobs.FirstSeen);
        Assert.Equal(Monday.AddHours(3), bobs.LastSeen);
        Assert.Equal("ec2.amazonaws.com", bobs.LastService);
        Assert.Equal(2, bobs.NetworkCount);
        Assert.Equal(3, bobs.Calls);
        Assert.Equal(TimeSpan.FromDays(10), bobs.AgeAt(Monday.AddDays(10)));
        Assert.Contains(keys, k => k.Id == "AKIAIOSFODNN7EXAMPLE");
        Assert.DoesNotContain(keys, k => k.Id.StartsWith("ASIA"));
    }

    [Fact]
    public async Task AccessKeyInventory_MarksDeletedKeys()
    {
        await using var host = await TestHost.StartAsync(nameof(AccessKeyInventory_MarksDeletedKeys));

        await host.IngestCloudTrailAsync(
            Call(IamUser("alice"), "UpdateAccessKey", requestParameters: Json("""{"userName":"bob","accessKeyId":"AKIABOBOLDKEY0000001","status":"Inactive"}"""), time: Monday),
            Call(IamUser("alice"), "DeleteAccessKey", requestParameters: Json("""{"userName":"bob","accessKeyId":"AKIABOBOLDKEY0000001"}"""), time: Monday.AddMinutes(1)));

        var old = Assert.Single(await host.Get<PostureQueries>().AccessKeysAsync(CancellationToken.None), k => k.Id == "AKIABOBOLDKEY0000001");
        Assert.True(old.Deleted);
        Assert.Equal("Inactive", old.Status);
        Assert.Equal("bob", old.UserName);
    }
}
