using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class ActivityShapeTests
{
    [Fact]
    public void People_AreBusierInOfficeHoursThanAtNight()
    {
        var org = new ActivitySimulator(new SimulationOptions()).Organization;
        var european = org.People.Where(p => p.UtcOffsetHours is 0 or 1).Select(p => p.Principal).ToHashSet();
        var byHour = SampleWeek.Records.Where(r => r.Scenario is null && european.Contains(r.Principal))
            .GroupBy(r => r.Time.Hour).ToDictionary(g => g.Key, g => g.Count());

        var office = Enumerable.Range(10, 5).Sum(h => byHour.GetValueOrDefault(h));
        var night = Enumerable.Range(1, 5).Sum(h => byHour.GetValueOrDefault(h));

        Assert.True(office > 10 * Math.Max(1, night), $"office {office} night {night}");
    }

    [Fact]
    public void People_AreQuieterAtWeekends()
    {
        var people = new ActivitySimulator(new SimulationOptions()).Organization.People.Select(p => p.Principal).ToHashSet();
        var records = SampleWeek.Records.Where(r => r.Scenario is null && people.Contains(r.Principal)).ToList();

        var weekday = records.Count(r => r.Time.DayOfWeek == DayOfWeek.Wednesday);
        var sunday = records.Count(r => r.Time.DayOfWeek == DayOfWeek.Sunday);

        Assert.True(weekday > 4 * sunday, $"wednesday {weekday} sunday {sunday}");
    }

    [Fact]
    public void Rate_ScalesVolumeRoughlyLinearly()
    {
        var options = new SimulationOptions { Days = 2, Principals = 10, IncludeIncidents = false };
        var single = new ActivitySimulator(options).Generate().LongCount();
        var triple = new ActivitySimulator(options with { Rate = 3 }).Generate().LongCount();

        Assert.InRange(triple / (double)single, 2.6, 3.3);
    }

    [Fact]
    public void ScaledTo_AimsAtTheRequestedCount()
    {
        var options = ActivitySimulator.ScaledTo(new SimulationOptions { Days = 1, Principals = 5, IncludeIncidents = false }, 40_000);
        var count = new ActivitySimulator(options).Generate().LongCount();

        Assert.InRange(count, 34_000, 46_000);
    }

    [Fact]
    public void Organization_HasKeyUsersWithoutMfaAndSsoAndWorkloadRoles()
    {
        var org = new ActivitySimulator(new SimulationOptions()).Organization;

        Assert.Equal(2, org.Accounts.Count);
        Assert.Contains(org.Users, u => u.AccessKeyId is { } key && key.StartsWith("AKIA", StringComparison.Ordinal) && !u.HasMfa);
        Assert.Contains(org.Roles, r => r.Purpose == SimulatedRolePurpose.HumanSso && r.Path.StartsWith("/aws-reserved/", StringComparison.Ordinal));
        Assert.Contains(org.Roles, r => r.Purpose == SimulatedRolePurpose.Workload);
        Assert.Equal(25, org.People.Count);
        Assert.NotEmpty(org.Buckets);
    }
}
