using System.Text.Json;
using ActivityWatch.Simulation;
using ActivityWatch.Simulation.Authorization;

namespace ActivityWatch.Simulation.Tests;

public class AuthorizationDetailsTests
{
    private static readonly SimulationOptions TwoDays = new() { Days = 2, Principals = 8 };

    [Fact]
    public void Render_SameSeedTwice_IsByteIdentical_AndTheLogsDoNotDependOnIt()
    {
        var simulator = new ActivitySimulator(TwoDays);
        var before = simulator.Generate().Take(2000).Select(r => r.Text).ToList();
        var first = simulator.Organization.Accounts.Select(a => new AuthorizationDetailsWriter(TwoDays, simulator.Organization).Render(a)).ToList();
        var second = simulator.Organization.Accounts.Select(a => new AuthorizationDetailsWriter(TwoDays, new ActivitySimulator(TwoDays).Organization).Render(a)).ToList();

        Assert.Equal(first, second);
        Assert.Equal(before, simulator.Generate().Take(2000).Select(r => r.Text).ToList());
        Assert.NotEqual(first[0], new AuthorizationDetailsWriter(TwoDays with { Seed = 2 }, new ActivitySimulator(TwoDays with { Seed = 2 }).Organization)
            .Render(new ActivitySimulator(TwoDays with { Seed = 2 }).Organization.Accounts[0]));
    }

    [Fact]
    public void Render_HasTheCliShape_EveryActingRoleAndUser_AndRolesNobodyUses()
    {
        var simulator = new ActivitySimulator(TwoDays);
        var account = simulator.Organization.Accounts[0];

        using var details = JsonDocument.Parse(new AuthorizationDetailsWriter(TwoDays, simulator.Organization).Render(account));
        var root = details.RootElement;

        Assert.Equal(["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"], root.EnumerateObject().Select(p => p.Name));
        var roles = root.GetProperty("RoleDetailList").EnumerateArray().ToList();
        Assert.Equal(account.Roles.Select(r => r.Arn).Append($"arn:aws:iam::{account.Id}:role/legacy-etl-role")
            .Append($"arn:aws:iam::{account.Id}:role/OrganizationAccountAccessRole"), roles.Select(r => r.GetProperty("Arn").GetString()));
        Assert.All(roles, r => Assert.Equal(JsonValueKind.Object, r.GetProperty("AssumeRolePolicyDocument").ValueKind));
        Assert.Contains(roles, r => r.GetProperty("Path").GetString() == "/service-role/");
        Assert.Equal(account.Users.Select(u => u.Arn), root.GetProperty("UserDetailList").EnumerateArray().Select(u => u.GetProperty("Arn").GetString()));
        Assert.All(root.GetProperty("Policies").EnumerateArray(), p =>
            Assert.Equal(JsonValueKind.Object, p.GetProperty("PolicyVersionList")[0].GetProperty("Document").ValueKind));
        Assert.False(roles.Single(r => r.GetProperty("RoleName").GetString() == "OrganizationAccountAccessRole").GetProperty("RoleLastUsed").TryGetProperty("LastUsedDate", out _));
    }
}
