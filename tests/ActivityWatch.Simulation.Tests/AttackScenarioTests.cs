using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class AttackScenarioTests
{
    public static TheoryData<string> Kinds => new(AttackKinds.All);

    private static List<SimulatedRecord> Tagged(string kind)
    {
        var index = AttackKinds.All.ToList().IndexOf(kind);
        return SampleWeek.Records.Where(r => r.Scenario == ScenarioIds.ForAttack(index, kind)).ToList();
    }

    private static List<string> EventNames(string kind) =>
        Tagged(kind).Where(r => r.Kind == SimulatedLogKind.CloudTrail)
            .Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("eventName").GetString()!).ToList();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachAttackKind_ProducesTaggedRecords(string kind) => Assert.NotEmpty(Tagged(kind));

    [Fact]
    public void LeakedKeyRecon_CallsGetCallerIdentityFirstThenManyListsWithDenials()
    {
        var names = EventNames(AttackKinds.LeakedKeyRecon);
        var denied = Tagged(AttackKinds.LeakedKeyRecon).Count(r => r.Text.Contains("\"errorCode\":", StringComparison.Ordinal));

        Assert.Equal("GetCallerIdentity", names[0]);
        Assert.True(names.Count > 50);
        Assert.True(denied > 10);
    }

    [Fact]
    public void PrivilegeEscalation_ActsOnAnotherUserAndPassesARoleToLambda()
    {
        var names = EventNames(AttackKinds.PrivilegeEscalation);

        Assert.Contains("CreateAccessKey", names);
        Assert.Contains("CreateLoginProfile", names);
        Assert.Contains("AttachUserPolicy", names);
        Assert.Contains("CreateFunction20150331", names);
    }

    [Fact]
    public void S3Exfiltration_IsABurstOfGetObjectInAccessLogsAndDataEvents()
    {
        var records = Tagged(AttackKinds.S3Exfiltration);

        Assert.True(records.Count(r => r.Kind == SimulatedLogKind.S3Access && r.Text.Contains(" REST.GET.OBJECT ", StringComparison.Ordinal)) >= 300);
        Assert.True(EventNames(AttackKinds.S3Exfiltration).Count(n => n == "GetObject") >= 300);
    }

    [Fact]
    public void LoggingTampering_StopsTrailGuardDutyAndConfig()
    {
        var names = EventNames(AttackKinds.LoggingTampering);

        Assert.Contains("StopLogging", names);
        Assert.Contains("DeleteDetector", names);
        Assert.Contains("StopConfigurationRecorder", names);
    }

    [Fact]
    public void OddHourConsoleLogin_SignsInFromTheReservedNetwork()
    {
        var signIn = Tagged(AttackKinds.ConsoleLoginNewNetworkOddHour).First();
        var root = JsonDocument.Parse(signIn.Text).RootElement;

        Assert.Equal("ConsoleLogin", root.GetProperty("eventName").GetString());
        Assert.StartsWith("203.0.113.", root.GetProperty("sourceIPAddress").GetString());
    }

    [Fact]
    public void RoleAssumedByNewPrincipal_StartsWithAssumeRole()
    {
        Assert.Equal("AssumeRole", EventNames(AttackKinds.RoleAssumedByNewPrincipal)[0]);
    }

    [Fact]
    public void SecretsBurst_ReadsManySecretsAndDecryptedParameters()
    {
        var names = EventNames(AttackKinds.SecretsBurst);

        Assert.True(names.Count(n => n == "GetSecretValue") >= 10);
        Assert.Contains(names, n => n is "GetParameter" or "GetParameters");
    }

    [Fact]
    public void AttackOutsideTheWindow_IsRejected()
    {
        var options = new SimulationOptions { Days = 1, Attacks = [new AttackScenario(AttackKinds.SecretsBurst, SimulationOptions.DefaultStart.AddDays(3))] };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivitySimulator(options).Generate().First());
    }
}
