using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Catalog;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// A person of the estate: the sample week's person plus where else they work from, when their
/// client changes, whether they are on call, and when they joined.
/// </summary>
internal sealed record EstatePerson(
    SimulatedPerson Person,
    WeightedCalls Habits,
    IReadOnlyList<ApiCall> Explore,
    string HomeIp,
    double HomeShare,
    int UpgradeDay,
    string UpgradedAgent,
    int LaptopDay,
    string LaptopAgent,
    int StartDay,
    bool OnCall,
    int OnCallSlot)
{
    public bool NewHire => StartDay > 0;

    public SimulatedUser? User => Person.User;

    public string Name => Person.User?.Name ?? Person.Email;

    public string AgentOn(int day) => day >= LaptopDay ? LaptopAgent : day >= UpgradeDay ? UpgradedAgent : Person.UserAgent;

    public bool Calls(string action) => Habits.Calls.Any(c => c.Action == action);
}
