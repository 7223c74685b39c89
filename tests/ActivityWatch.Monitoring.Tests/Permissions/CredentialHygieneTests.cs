using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class CredentialHygieneTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private const string Bob = "arn:aws:iam::123456789012:user/bob";

    private static IReadOnlyList<HygieneFinding> Evaluate(IEnumerable<CredentialActivity> activity, IEnumerable<SharedCredentialWindow>? shared = null, IamAccountState? state = null) =>
        CredentialHygiene.Evaluate(activity.ToList(), (shared ?? []).ToList(), state is null ? [] : [state], Now);

    private static string[] Rules(IReadOnlyList<HygieneFinding> findings) => findings.Select(f => f.RuleId).ToArray();

    [Fact]
    public void KeyOlderThan90DaysStillInUse_MustBeRotated()
    {
        var findings = Evaluate([new CredentialActivity(Bob, "AKIAOLD0000000000001", Now.AddDays(-200), Now.AddDays(-1), 50, 3, 1)]);

        var finding = Assert.Single(findings);
        Assert.Equal(HygieneRules.KeyNotRotated, finding.RuleId);
        Assert.Equal(["2.12"], finding.Cis);
        Assert.Contains("first use in the logs", finding.Explanation);
    }

    [Fact]
    public void KeyAgeComesFromCreateAccessKeyWhenKnown()
    {
        var state = new IamAccountState(PermissionFixtures.Account);
        var bob = new IamUserState(Bob, "bob", Now.AddDays(-400));
        bob.AccessKeys["AKIAOLD0000000000001"] = new AccessKeyState("AKIAOLD0000000000001", Now.AddDays(-30));
        state.Users["bob"] = bob;

        var findings = Evaluate([new CredentialActivity(Bob, "AKIAOLD0000000000001", Now.AddDays(-200), Now.AddDays(-1), 50, 3, 1)], state: state);

        Assert.Empty(findings);
    }

    [Fact]
    public void KeyAndPasswordUnusedFor45Days_AreFindings()
    {
        var findings = Evaluate(
        [
            new CredentialActivity(Bob, "AKIASTALE00000000001", Now.AddDays(-100), Now.AddDays(-50), 5, 0, 1),
            new CredentialActivity(Bob, "password", Now.AddDays(-100), Now.AddDays(-46), 2, 0, 1),
        ]);

        Assert.Equal([HygieneRules.KeyUnused, HygieneRules.PasswordUnused], Rules(findings));
        Assert.All(findings, f => Assert.Equal(["2.11"], f.Cis));
    }

    [Fact]
    public void KeyCreatedButNeverUsed_IsUnused()
    {
        var state = new IamAccountState(PermissionFixtures.Account);
        var bob = new IamUserState(Bob, "bob", Now.AddDays(-400));
        bob.AccessKeys["AKIANEVER00000000001"] = new AccessKeyState("AKIANEVER00000000001", Now.AddDays(-60));
        state.Users["bob"] = bob;

        var finding = Assert.Single(Evaluate([], state: state));
        Assert.Equal(HygieneRules.KeyUnused, finding.RuleId);
        Assert.Null(finding.LastUsed);
    }

    [Fact]
    public void KeyUsedFromManyNetworksWithinAnHour_IsShared()
    {
        var window = new SharedCredentialWindow(Bob, "AKIASHARED0000000001", Now.AddHours(-5), ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8:1::/48"]);

        var findings = Evaluate([new CredentialActivity(Bob, "AKIASHARED0000000001", Now.AddDays(-10), Now.AddHours(-5), 80, 3, 4)], [window]);

        Assert.Equal(HygieneRules.KeyShared, findings[0].RuleId);
        Assert.Equal("high", findings[0].Severity);
    }

    [Fact]
    public void LongTermKeyUsedMostDays_ShouldBeARole()
    {
        var findings = Evaluate([new CredentialActivity(Bob, "AKIADAILY00000000001", Now.AddDays(-40), Now.AddDays(-1), 900, 22, 1)]);

        Assert.Equal([HygieneRules.KeyEverydayWork], Rules(findings));
    }

    [Fact]
    public void RootAccessKeyInUse_IsCritical()
    {
        var findings = Evaluate([new CredentialActivity("arn:aws:iam::123456789012:root", "AKIAROOT000000000001", Now.AddDays(-5), Now.AddDays(-1), 3, 2, 1)]);

        Assert.Equal(HygieneRules.RootAccessKey, findings[0].RuleId);
        Assert.Equal("critical", findings[0].Severity);
    }
}
