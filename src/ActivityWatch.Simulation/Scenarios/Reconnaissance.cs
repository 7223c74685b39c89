using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>What a stolen key's new owner does first: who am I, then enumerate everything, many denied.</summary>
internal static class Reconnaissance
{
    private static readonly ApiCall[] Enumeration =
    [
        ListUsers, ListRoles, ListPolicies, GetAccountAuthorizationDetails, ListAttachedUserPolicies, ListAccessKeys,
        ListBuckets, GetBucketPolicy, GetBucketAcl, DescribeInstances, DescribeSecurityGroups, DescribeVpcs,
        DescribeRegions, ListFunctions, ListSecrets, DescribeParameters, ListKeys, ListTables, DescribeDbInstances,
        DescribeTrails, ListDetectors, ListTopics, ListQueues, ListStacks,
    ];

    public static void Run(ScenarioBuilder builder, Caller attacker, SimulatedAccount account, int calls, double deniedShare)
    {
        var random = builder.Random;
        builder.Call(attacker, GetCallerIdentity, account.Regions[0]);
        for (var i = 0; i < calls; i++)
        {
            builder.Wait(1, 12);
            var api = random.Pick(Enumeration);
            var outcome = random.Chance(deniedShare) ? CallOutcome.AccessDenied : CallOutcome.Success;
            builder.Call(attacker, api, random.Pick(account.Regions), outcome);
        }
    }
}
