using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class IncidentTests
{
    private static IEnumerable<JsonElement> Records(string scenario) =>
        SampleWeek.Records.Where(r => r.Scenario == scenario && r.Kind == SimulatedLogKind.CloudTrail)
            .Select(r => JsonDocument.Parse(r.Text).RootElement);

    [Fact]
    public void SampleWeek_HasEveryIncident()
    {
        foreach (var id in ScenarioIds.SampleWeekIncidents)
        {
            Assert.Contains(SampleWeek.Records, r => r.Scenario == id);
        }
    }

    [Fact]
    public void RootUsage_IsASignInWithMfaAndApiCallsByRootWithoutInvokedBy()
    {
        var records = Records(ScenarioIds.RootUsage).ToList();
        var signIn = records.Single(r => r.GetProperty("eventName").GetString() == "ConsoleLogin");

        Assert.All(records, r => Assert.Equal("Root", r.GetProperty("userIdentity").GetProperty("type").GetString()));
        Assert.All(records, r => Assert.False(r.GetProperty("userIdentity").TryGetProperty("invokedBy", out _)));
        Assert.Equal("AwsConsoleSignIn", signIn.GetProperty("eventType").GetString());
        Assert.Equal("Yes", signIn.GetProperty("additionalEventData").GetProperty("MFAUsed").GetString());
        Assert.Contains(records, r => r.GetProperty("eventType").GetString() == "AwsApiCall");
    }

    [Fact]
    public void ConsoleLoginWithoutMfa_IsAnIamUserSignInWithMfaUsedNo()
    {
        var records = Records(ScenarioIds.ConsoleLoginWithoutMfa).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Equal("IAMUser", r.GetProperty("userIdentity").GetProperty("type").GetString());
            Assert.Equal("No", r.GetProperty("additionalEventData").GetProperty("MFAUsed").GetString());
            Assert.Equal("Success", r.GetProperty("responseElements").GetProperty("ConsoleLogin").GetString());
        });
    }

    [Fact]
    public void FailedSignInBurst_HasFailedAuthenticationAndNoErrorCode()
    {
        var records = Records(ScenarioIds.ConsoleLoginFailureBurst).ToList();

        Assert.True(records.Count >= 10);
        Assert.All(records, r =>
        {
            Assert.Equal("Failed authentication", r.GetProperty("errorMessage").GetString());
            Assert.False(r.TryGetProperty("errorCode", out _));
            Assert.Equal("Failure", r.GetProperty("responseElements").GetProperty("ConsoleLogin").GetString());
        });
    }

    [Fact]
    public void TrailStopped_IsStopLoggingFromCloudTrail()
    {
        var stop = Records(ScenarioIds.TrailStopped).Single(r => r.GetProperty("eventName").GetString() == "StopLogging");

        Assert.Equal("cloudtrail.amazonaws.com", stop.GetProperty("eventSource").GetString());
        Assert.False(stop.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public void Backdoor_CreatesAUserAndItsKeyThenAttachesAdministratorAccess()
    {
        var names = Records(ScenarioIds.BackdoorUser).Select(r => r.GetProperty("eventName").GetString()).ToList();
        var attach = Records(ScenarioIds.AdminPolicyAttached).Single();

        Assert.Equal(["CreateUser", "CreateAccessKey"], names);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", attach.GetProperty("requestParameters").GetProperty("policyArn").GetString());
    }

    [Fact]
    public void AccessKeyRecon_StartsWithGetCallerIdentityFromTheReservedNetwork()
    {
        var records = Records(ScenarioIds.AccessKeyNewNetworkRecon).ToList();

        Assert.Equal("GetCallerIdentity", records[0].GetProperty("eventName").GetString());
        Assert.All(records, r => Assert.StartsWith("203.0.113.", r.GetProperty("sourceIPAddress").GetString()));
        Assert.DoesNotContain(SampleWeek.Records, r => r.Scenario is null && r.Text.Contains("203.0.113.", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutIncidents_NoRecordIsTagged()
    {
        var records = new ActivitySimulator(new SimulationOptions { Days = 2, IncludeIncidents = false }).Generate();

        Assert.All(records, r => Assert.Null(r.Scenario));
    }
}
