using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class LiveAlertTests
{
    [Fact]
    public async Task RootSignIn_Ingested_RaisesAlertWithEvidence()
    {
        await using var host = await TestHost.StartAsync(nameof(RootSignIn_Ingested_RaisesAlertWithEvidence));
        var eventId = Guid.NewGuid().ToString();

        await host.IngestAndSettleAsync(ConsoleLogin(Root(), mfaUsed: "Yes", eventId: eventId, sourceIp: "203.0.113.9"));

        var alert = Assert.Single(await host.AlertsAsync("root.console-signin"));
        Assert.Equal([eventId], alert.EventIds);
        Assert.Equal(["5.3"], alert.Cis);
        Assert.Equal($"arn:aws:iam::{Account}:root", alert.Principal);
        Assert.Equal(Account, alert.AccountId);
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.Equal(1, alert.Count);
        Assert.Equal(Monday, alert.FirstSeen);
    }

    [Fact]
    public async Task SameRuleAndPrincipal_WithinWindow_UpdatesTheOpenAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(SameRuleAndPrincipal_WithinWindow_UpdatesTheOpenAlert));

        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday));
        await host.IngestAndSettleAsync(Call(Root(), "CreateUser", time: Monday.AddMinutes(40)));

        var alert = Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.Equal(2, alert.Count);
        Assert.Equal(2, alert.EventIds.Count);
        Assert.Equal(Monday.AddMinutes(40), alert.LastSeen);
    }

    [Fact]
    public async Task SameRuleAndPrincipal_AfterWindow_OpensANewAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(SameRuleAndPrincipal_AfterWindow_OpensANewAlert));

        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday), Call(Root(), "ListRoles", time: Monday.AddHours(3)));

        Assert.Equal(2, (await host.AlertsAsync("root.api-call")).Count);
    }

    [Fact]
    public async Task AlertWindow_IsConfigurable()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertWindow_IsConfigurable), settings: new Dictionary<string, string?>
        {
            ["ActivityWatch:Detections:AlertWindow"] = "04:00:00",
        });

        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday), Call(Root(), "ListRoles", time: Monday.AddHours(3)));

        Assert.Equal(2, Assert.Single(await host.AlertsAsync("root.api-call")).Count);
    }

    [Fact]
    public async Task PageProcessedTwice_AddsNoEvidence()
    {
        await using var host = await TestHost.StartAsync(nameof(PageProcessedTwice_AddsNoEvidence));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday), Call(Root(), "CreateUser", time: Monday.AddMinutes(1)));
        var before = Assert.Single(await host.AlertsAsync("root.api-call"));

        // As after a crash between the alert write and the progress write, or a second node taking
        // over: the daemon hands the same page of records to the detection again.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var page = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            await host.Services.GetRequiredService<AlertDetection>().ApplyAsync(session, page, CancellationToken.None);
            await session.SaveChangesAsync();
        }
        await host.WaitForProjectionsAsync();

        var after = Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.Equal(before.AlertId, after.AlertId);
        Assert.Equal(2, after.Count);
        Assert.Equal(before.EventIds.Order(), after.EventIds.Order());
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task UnauthorizedCalls_BelowThreshold_RaiseNothing_AtThreshold_RaiseWithAllEvidence()
    {
        await using var host = await TestHost.StartAsync(nameof(UnauthorizedCalls_BelowThreshold_RaiseNothing_AtThreshold_RaiseWithAllEvidence));
        var denied = Enumerable.Range(0, 11)
            .Select(i => Call(AssumedRole("Recon", "i-0abc"), "DescribeInstances", "ec2.amazonaws.com", errorCode: i % 2 == 0 ? "Client.UnauthorizedOperation" : "AccessDenied",
                errorMessage: "You are not authorized to perform this operation.", time: Monday.AddSeconds(20 * i)))
            .ToArray();

        await host.IngestAndSettleAsync(denied[..9]);
        Assert.Empty(await host.AlertsAsync("api.unauthorized-calls"));

        await host.IngestAndSettleAsync(denied[9]);
        var alert = Assert.Single(await host.AlertsAsync("api.unauthorized-calls"));
        Assert.Equal(10, alert.Count);
        Assert.Equal(["5.1"], alert.Cis);

        await host.IngestAndSettleAsync(denied[10]);
        Assert.Equal(11, Assert.Single(await host.AlertsAsync("api.unauthorized-calls")).Count);
    }

    [Fact]
    public async Task UnauthorizedCalls_SpreadBeyondTheWindow_RaiseNothing()
    {
        await using var host = await TestHost.StartAsync(nameof(UnauthorizedCalls_SpreadBeyondTheWindow_RaiseNothing));
        var denied = Enumerable.Range(0, 12)
            .Select(i => Call(AssumedRole("Recon", "i-0abc"), "GetObject", "s3.amazonaws.com", errorCode: "AccessDenied", errorMessage: "Access Denied", time: Monday.AddMinutes(i)))
            .ToArray();

        await host.IngestAndSettleAsync(denied);

        Assert.Empty(await host.AlertsAsync("api.unauthorized-calls"));
    }

    [Fact]
    public async Task RootSignInFailures_FirstOneAlerts_LaterOnesAddEvidence()
    {
        await using var host = await TestHost.StartAsync(nameof(RootSignInFailures_FirstOneAlerts_LaterOnesAddEvidence));

        await host.IngestAndSettleAsync(ConsoleLogin(Root(), success: false, time: Monday));
        Assert.Single(await host.AlertsAsync("root.console-signin-failures"));

        await host.IngestAndSettleAsync(ConsoleLogin(Root(), success: false, time: Monday.AddMinutes(1)), ConsoleLogin(Root(), success: false, time: Monday.AddMinutes(2)));
        var alert = Assert.Single(await host.AlertsAsync("root.console-signin-failures"));
        Assert.Equal(3, alert.EventIds.Count);
        Assert.Equal(Severity.High, alert.Severity);
    }

    [Fact]
    public async Task OrdinaryActivity_RaisesNoAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(OrdinaryActivity_RaisesNoAlert));

        await host.IngestAndSettleAsync(
            Call(IamUser(), "GetObject", "s3.amazonaws.com"),
            Call(AssumedRole(), "DescribeInstances", "ec2.amazonaws.com"),
            ConsoleLogin(IamUser("carol"), mfaUsed: "Yes"));

        Assert.Empty(await host.AlertsAsync());
    }
}
