using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>The sample week's story: root is used on Tuesday; on Wednesday an IAM user signs in without
/// MFA and someone guesses passwords; on Thursday night a leaked key does recon from a new network;
/// on Friday night the same key creates a backdoor admin user and stops the trail. Shorter runs squeeze
/// the days into the window, keeping the times of day.</summary>
internal static class SampleWeekIncidents
{
    public static IEnumerable<PlannedCall> Create(Activity.PlanningContext context)
    {
        var options = context.Options;
        var org = context.Organization;
        var prod = org.Accounts[0];
        var global = prod.GlobalRegion;
        var consoleUser = org.People[1];
        var keyUser = org.People[2];
        var admin = org.People.FirstOrDefault(p => p.Archetype == PersonArchetype.Operator) ?? consoleUser;

        // Clamped so a run starting mid-day or lasting hours still holds every incident.
        DateTimeOffset At(int day, int hour, int minute)
        {
            var time = new DateTimeOffset(options.Start.UtcDateTime.Date, TimeSpan.Zero).AddDays(day * options.Days / 7).AddHours(hour).AddMinutes(minute);
            var latest = options.End.AddMinutes(-30);
            return time < options.Start ? options.Start : time > latest ? latest : time;
        }

        ScenarioBuilder Builder(string id, DateTimeOffset start) =>
            new(context, new SimulationRandom(unchecked(options.Seed * 613 + StableHash.Of(id))), id, start);

        var root = Builder(ScenarioIds.RootUsage, At(1, 10, 12));
        var browser = UserAgents.Browsers[0];
        root.Call(Callers.Root(prod, admin.SourceIp, browser, null, ""), ConsoleLogin, global, mfaUsed: true);
        var rootSession = Callers.Root(prod, admin.SourceIp, browser, root.Clock, root.Random.AwsId("ASIA", 16));
        foreach (var api in new[] { GetAccountSummary, ListUsers, DescribeRegions, ListAccessKeys })
        {
            root.Wait(8, 40);
            root.Call(rootSession, api, global, target: api == ListAccessKeys ? new CallTarget { UserName = keyUser.User!.Name } : null);
        }

        var noMfa = Builder(ScenarioIds.ConsoleLoginWithoutMfa, At(2, 7, 58));
        noMfa.Call(Callers.UserSignIn(consoleUser.User!, consoleUser.SourceIp, consoleUser.UserAgent), ConsoleLogin, global, mfaUsed: false);

        var guessing = Builder(ScenarioIds.ConsoleLoginFailureBurst, At(2, 14, 31));
        var guesser = NewNetworks.Address(77);
        for (var i = 0; i < 14; i++)
        {
            var victim = i % 3 == 0 ? null : consoleUser.User;
            guessing.Call(Callers.FailedSignIn(prod.Id, victim, guesser, browser), ConsoleLogin, global, CallOutcome.AccessDenied, mfaUsed: false);
            guessing.Wait(4, 20);
        }

        var attacker = Callers.UserKey(keyUser.User!, NewNetworks.Address(45), UserAgents.AttackerBoto3);
        var recon = Builder(ScenarioIds.AccessKeyNewNetworkRecon, At(3, 2, 47));
        Reconnaissance.Run(recon, attacker, prod, 35, deniedShare: 0.4);

        var backdoor = Builder(ScenarioIds.BackdoorUser, At(4, 23, 5));
        var backdoorUser = new CallTarget { UserName = "svc-backup-sync" };
        backdoor.Call(attacker, CreateUser, global, target: backdoorUser);
        backdoor.Wait(5, 15);
        backdoor.Call(attacker, CreateAccessKey, global, target: new CallTarget { UserName = "svc-backup-sync" });

        var escalation = Builder(ScenarioIds.AdminPolicyAttached, backdoor.Clock.AddSeconds(40));
        escalation.Call(attacker, AttachUserPolicy, global, target: new CallTarget { UserName = "svc-backup-sync", PolicyArn = AdministratorAccess });

        var stop = Builder(ScenarioIds.TrailStopped, escalation.Clock.AddMinutes(7));
        stop.Call(attacker, DescribeTrails, prod.Regions[0]);
        stop.Wait(3, 10);
        stop.Call(attacker, StopLogging, prod.Regions[0]);

        return new[] { root, noMfa, guessing, recon, backdoor, escalation, stop }.SelectMany(b => b.Calls);
    }
}
