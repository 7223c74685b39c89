using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Activity;

/// <summary>AWS acting on its own: Secrets Manager rotates a secret every night at about 03:00 UTC
/// (an AwsServiceEvent).</summary>
internal sealed class ServiceEventActor(SimulatedAccount account) : Actor
{
    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        if (window.Hour != 3 || window.Minute != 0)
        {
            return;
        }

        var caller = Callers.ServiceEvent(account.Id, "secretsmanager.amazonaws.com");
        context.Add(context.TimeIn(window), caller, ApiCatalog.RotationSucceeded, account.Regions[0]);
    }
}
