using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>The scheduled credential hygiene check, on the real PostgreSQL, with a clock the test moves.</summary>
public sealed class HygieneScheduleTests : IAsyncLifetime
{
    private const string User = "arn:aws:iam::123456789012:user/bob";
    private const string Key = "AKIASHARED0000000001";
    private readonly MovableTime _clock = new(PermissionsHost.Now);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(nameof(HygieneScheduleTests), configure: builder => builder.Services.AddSingleton<TimeProvider>(_clock));
        // One long-term key used from four networks within an hour: a shared key.
        var hour = PermissionsHost.Now.AddHours(-3);
        await _host.RecordAsync(
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(1), IdentityTypes.IamUser, Key, "192.0.2.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(5), IdentityTypes.IamUser, Key, "198.51.100.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(9), IdentityTypes.IamUser, Key, "203.0.113.1"),
            Activity.Call(User, "s3.amazonaws.com", "ListBuckets", hour.AddMinutes(20), IdentityTypes.IamUser, Key, "2001:db8:1:2::1"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DueCheck_RaisesTheFindings_ThenWaitsAnInterval_WhateverTheProcess()
    {
        var first = await _host.Get<HygieneSchedule>().RunIfDueAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.True(first.Raised >= 1);
        var alert = Assert.Single(await AlertsAsync(), a => a.RuleId == HygieneRules.KeyShared);
        Assert.Equal(User, alert.Principal);

        // Not due again, even for a fresh instance (another node, a restart): the last run is in the database.
        var otherNode = ActivatorUtilities.CreateInstance<HygieneSchedule>(_host.Services);
        Assert.Null(await otherNode.RunIfDueAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(1));
        var next = await otherNode.RunIfDueAsync(CancellationToken.None);
        Assert.NotNull(next);
        Assert.Equal(0, next.Raised);
        Assert.Single(await AlertsAsync(), a => a.RuleId == HygieneRules.KeyShared);
    }

    [Fact]
    public async Task TwoNodesAtOnce_OnlyOneRunsTheCheck()
    {
        _clock.Advance(TimeSpan.FromDays(10));
        var nodes = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<HygieneSchedule>(_host.Services)).ToArray();

        var runs = await Task.WhenAll(nodes.Select(n => n.RunIfDueAsync(CancellationToken.None)));

        Assert.Single(runs, r => r is not null);
    }

    private async Task<IReadOnlyList<Alert>> AlertsAsync()
    {
        await using var session = _host.Store.QuerySession();
        return await session.Query<Alert>().ToListAsync();
    }

    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public void Advance(TimeSpan by) => _now += by;
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
