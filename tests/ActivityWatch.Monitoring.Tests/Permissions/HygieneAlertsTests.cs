using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Testing;
using Marten;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class HygieneAlertsTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await PermissionsHost.StartAsync(nameof(HygieneAlertsTests));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HygieneFinding_RaisesOneAlert_AndRunningAgainDoesNotRaiseASecond()
    {
        var finding = new HygieneFinding(HygieneRules.KeyShared, "Access key used from many networks within an hour", Severity.High,
            "arn:aws:iam::123456789012:user/bob", "AKIASHARED0000000001", PermissionsHost.Now.AddHours(-2), PermissionsHost.Now.AddHours(-3),
            "5 source networks", []);

        var first = await _host.Get<HygieneAlerts>().RaiseAsync([finding], CancellationToken.None);
        var second = await _host.Get<HygieneAlerts>().RaiseAsync([finding], CancellationToken.None);

        Assert.Equal(1, first.Raised);
        Assert.Equal(0, second.Raised);
        await using var session = _host.Store.QuerySession();
        var raised = Assert.Single(await session.Events.QueryRawEventDataOnly<AlertRaised>().ToListAsync());
        Assert.Equal(HygieneRules.KeyShared, raised.RuleId);
        Assert.Equal("arn:aws:iam::123456789012:user/bob", raised.Principal);
        Assert.Equal("123456789012", raised.AccountId);
        Assert.Contains("AKIASHARED0000000001", raised.Explanation);
    }
}
