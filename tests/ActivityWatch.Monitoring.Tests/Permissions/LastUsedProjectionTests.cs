using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Testing;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class LastUsedProjectionTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::123456789012:role/app";
    private const string User = "arn:aws:iam::123456789012:user/bob";
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await PermissionsHost.StartAsync(nameof(LastUsedProjectionTests));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private PermissionUseQueries Queries => _host.Get<PermissionUseQueries>();

    [Fact]
    public async Task RoleSessions_RollUpIntoOneRowPerAction_WithFirstLastCountAndLatestOrigin()
    {
        var day = Activity.Day;
        await _host.RecordAsync(
            Activity.Call(Role, "s3.amazonaws.com", "HeadObject", day, sessionName: "a", sourceIp: "192.0.2.10"),
            Activity.Call(Role, "s3.amazonaws.com", "GetObject", day.AddHours(2), sessionName: "b", sourceIp: "198.51.100.7", region: "eu-west-1"),
            Activity.Call(Role, "s3.amazonaws.com", "GetObject", day.AddHours(3), sessionName: "c", errorCode: "AccessDenied", sourceIp: "203.0.113.9"));
        await _host.RecordAsync(Activity.Call(Role, "s3.amazonaws.com", "GetObject", day.AddHours(-5), sessionName: "d"));

        var use = Assert.Single(await Queries.ForPrincipalAsync(Role, null, null, CancellationToken.None));
        Assert.Equal("s3:GetObject", use.Action);
        Assert.Equal(3, use.Calls);
        Assert.Equal(1, use.Denied);
        Assert.Equal(day.AddHours(-5), use.FirstUsed);
        Assert.Equal(day.AddHours(2), use.LastUsed);
        Assert.Equal("203.0.113.0/24", use.LastNetwork);
    }

    [Fact]
    public async Task DateRange_CountsOnlyTheDaysInside()
    {
        var day = Activity.Day;
        await _host.RecordAsync(
            Activity.Call(Role, "kms.amazonaws.com", "Decrypt", day.AddDays(-10)),
            Activity.Call(Role, "kms.amazonaws.com", "Decrypt", day.AddDays(-5)),
            Activity.Call(Role, "kms.amazonaws.com", "Decrypt", day.AddDays(-5).AddHours(1)),
            Activity.Call(Role, "dynamodb.amazonaws.com", "Query", day));

        var inside = await Queries.ForPrincipalAsync(Role, day.AddDays(-6), day.AddDays(-4), CancellationToken.None);

        var decrypt = Assert.Single(inside);
        Assert.Equal("kms:Decrypt", decrypt.Action);
        Assert.Equal(2, decrypt.Calls);
        Assert.Equal(day.AddDays(-5).AddHours(1), decrypt.LastUsed);
        Assert.Equal(2, (await Queries.ForPrincipalAsync(Role, null, null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task S3AccessLogAndCloudTrailResources_AreRecordedForPolicies()
    {
        await _host.RecordAsync(
            Activity.S3Access(Role, "REST.GET.OBJECT", "media", "2026/photo.jpg"),
            Activity.S3Access(Role, "REST.GET.BUCKET", "media", "-"),
            Activity.S3Access(Role, "REST.PUT.OBJECT", "media", "x", status: 403),
            Activity.Call(Role, "lambda.amazonaws.com", "Invoke",
                raw: """{"resources":[{"ARN":"arn:aws:lambda:us-east-1:123456789012:function:resize","accountId":"123456789012","type":"AWS::Lambda::Function"}]}"""));

        var resources = await Queries.ResourcesAsync(Role, null, CancellationToken.None);
        Assert.Equal(["arn:aws:s3:::media/*"], resources["s3:GetObject"]);
        Assert.Equal(["arn:aws:s3:::media"], resources["s3:ListBucket"]);
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:function:resize"], resources["lambda:InvokeFunction"]);
        Assert.False(resources.ContainsKey("s3:PutObject"));
        var put = Assert.Single(await Queries.ForPrincipalAsync(Role, null, null, CancellationToken.None), u => u.Action == "s3:PutObject");
        Assert.Equal(0, put.Calls);
        Assert.Null(put.LastUsed);
    }

    [Fact]
    public async Task LongTermKeys_AreTrackedPerHourAndNetwork_AndManyNetworksShowAsShared()
    {
        var hour = Activity.Day;
        const string key = "AKIASHARED0000000001";
        await _host.RecordAsync(
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(1), IdentityTypes.IamUser, key, "192.0.2.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(5), IdentityTypes.IamUser, key, "198.51.100.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(9), IdentityTypes.IamUser, key, "203.0.113.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(20), IdentityTypes.IamUser, key, "2001:db8:1:2::1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(30), IdentityTypes.IamUser, "ASIASESSION000000001", "192.0.2.99"),
            Activity.Call(User, "signin.amazonaws.com", "ConsoleLogin", hour.AddDays(1), IdentityTypes.IamUser,
                raw: """{"responseElements":{"ConsoleLogin":"Success"}}"""),
            Activity.Call(User, "signin.amazonaws.com", "ConsoleLogin", hour.AddDays(2), IdentityTypes.IamUser,
                raw: """{"responseElements":{"ConsoleLogin":"Failure"}}"""));

        var credentials = _host.Get<CredentialQueries>();
        var activity = await credentials.AllAsync(PermissionsHost.Now, CancellationToken.None);
        Assert.Equal(["AKIASHARED0000000001", "password"], activity.Select(a => a.Credential).Order().ToArray());
        Assert.Equal(4, activity.Single(a => a.Credential == key).Networks);
        Assert.Equal(hour.AddDays(1), activity.Single(a => a.Credential == "password").LastUsed);

        var shared = Assert.Single(await credentials.SharedAsync(4, CancellationToken.None));
        Assert.Equal(key, shared.Credential);
        Assert.Contains("2001:db8:1::/48", shared.Networks);
    }

    [Fact]
    public async Task AnonymousAndServiceCalls_AndUnknownSources_AreNotCounted()
    {
        await _host.RecordAsync(
            Activity.S3Access(Principals.Anonymous, "REST.GET.OBJECT", "public", "index.html") with { IdentityType = IdentityTypes.Anonymous },
            Activity.Call("lambda.amazonaws.com", "sts.amazonaws.com", "AssumeRole", identityType: IdentityTypes.AwsService),
            Activity.Call(Role, "madeup.amazonaws.com", "DoThing"),
            Activity.Call(Role, "sts.amazonaws.com", "GetCallerIdentity"));

        Assert.Empty(await Queries.AllAsync(null, null, CancellationToken.None));
    }
}
