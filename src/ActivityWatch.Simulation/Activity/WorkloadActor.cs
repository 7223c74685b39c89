using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Activity;

/// <summary>Software on a role: refreshes its credentials every hour through sts:AssumeRole by its
/// service, and calls the same few APIs at a steady rate (or in its nightly batch window).</summary>
internal sealed class WorkloadActor(SimulatedWorkload workload, SimulatedUser? assumer) : Actor
{
    private Caller? _caller;
    private DateTimeOffset _refreshDue = DateTimeOffset.MinValue;

    private (WeightedCalls Calls, double PerWindow) Habits { get; } = workload.Archetype switch
    {
        WorkloadArchetype.ApiFunction => (new WeightedCalls([(Decrypt, 6), (GetObject, 5), (PutObject, 2), (GetSecretValue, 1), (DescribeTable, 0.5), (CreateLogStream, 1)]), 3.0),
        WorkloadArchetype.QueueWorker => (new WeightedCalls([(GetQueueAttributes, 4), (GenerateDataKey, 3), (PutObject, 3), (GetParameter, 1), (DescribeTable, 0.5)]), 2.0),
        WorkloadArchetype.NightlyBatch => (new WeightedCalls([(GetObject, 6), (PutObject, 4), (ListObjects, 2), (DescribeDbSnapshots, 0.3), (DescribeTable, 0.5), (Decrypt, 2)]), 25.0),
        WorkloadArchetype.InstanceAgent => (new WeightedCalls([(ListInstanceAssociations, 2), (DescribeTags, 1), (DescribeInstances, 0.3), (GetParameter, 0.5)]), 1.0),
        WorkloadArchetype.ConfigRecorder => (new WeightedCalls([(DescribeInstances, 2), (DescribeSecurityGroups, 2), (DescribeVpcs, 1), (DescribeSubnets, 1), (GetRole, 1), (ListAttachedRolePolicies, 1), (GetBucketAcl, 1), (GetBucketPolicy, 1), (DescribeDbInstances, 0.5), (DescribeKey, 0.5)]), 0.6),
        _ => (new WeightedCalls([(GetObject, 3), (PutObject, 1), (GetRole, 3), (ListAttachedRolePolicies, 2), (GetFunction, 3), (DescribeSecurityGroups, 2), (DescribeTable, 2), (GetQueueAttributes, 1), (DescribeKey, 1), (DescribeLogGroups, 1), (UpdateFunctionCode, 0.5), (GetCallerIdentity, 0.3)]), 0),
    };

    private DateTimeOffset _deployUntil = DateTimeOffset.MinValue;

    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        var random = context.Random;
        var rate = context.Options.Rate;
        var (calls, perWindow) = Habits;
        switch (workload.Archetype)
        {
            case WorkloadArchetype.NightlyBatch when window.Hour is < 1 or >= 3:
                return;
            case WorkloadArchetype.ApiFunction:
                perWindow *= DailyRhythm.CustomerTraffic(window);
                break;
            case WorkloadArchetype.InstanceAgent:
                // The SSM agent reports in every five minutes from each instance; Rate scales the fleet.
                EnsureCredentials(window, context);
                var instances = context.Resources(workload.Role.AccountId).Instances;
                var heartbeats = random.Poisson(instances.Count * rate);
                for (var i = 0; i < heartbeats; i++)
                {
                    var target = new CallTarget { Name = instances[i % instances.Count] };
                    context.Add(window.AddSeconds(random.Next(20)), _caller!, UpdateInstanceInformation, workload.Region, target: target);
                }

                break;
            case WorkloadArchetype.Deployment:
                if (!StartOrContinueDeployment(window, context))
                {
                    return;
                }

                perWindow = 15;
                break;
        }

        EnsureCredentials(window, context);
        var count = random.Poisson(perWindow * rate);
        for (var i = 0; i < count; i++)
        {
            var outcome = random.Chance(0.002) ? CallOutcome.Throttled : random.Chance(0.001) ? CallOutcome.AccessDenied : CallOutcome.Success;
            var api = calls.Next(random);
            var target = workload.Archetype == WorkloadArchetype.Deployment && api.IsS3
                ? new CallTarget { Bucket = context.Organization.Account(workload.Role.AccountId).Buckets.First(b => b.Name.Contains("terraform-state", StringComparison.Ordinal)) }
                : null;
            context.Add(context.TimeIn(window), _caller!, api, workload.Region, outcome, target);
        }
    }

    // CI deploys a few times per working day (09:00-17:00 UTC), each run a 5-15 minute burst.
    private bool StartOrContinueDeployment(DateTimeOffset window, PlanningContext context)
    {
        if (window < _deployUntil)
        {
            return true;
        }

        var workingHours = window.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && window.Hour is >= 9 and < 17;
        if (!workingHours || !context.Random.Chance(0.03))
        {
            return false;
        }

        _deployUntil = window.AddMinutes(5 + context.Random.Next(11));
        _refreshDue = DateTimeOffset.MinValue;
        return true;
    }

    private void EnsureCredentials(DateTimeOffset window, PlanningContext context)
    {
        if (window < _refreshDue && _caller is not null)
        {
            return;
        }

        var random = context.Random;
        var time = window.AddSeconds(random.Next(5));
        var key = random.AwsId("ASIA", 16);
        _refreshDue = window.AddMinutes(55 + random.Next(10));
        var role = workload.Role;
        _caller = Callers.Role(role, workload.SessionName, workload.SourceIp, workload.UserAgent, time, key) with
        {
            VpcEndpointId = workload.VpcEndpointId,
            InvokedBy = workload.Archetype == WorkloadArchetype.ConfigRecorder ? workload.AssumedBy : null,
        };

        // Service-linked roles are assumed inside the service, with no AssumeRole record in the account.
        if (workload.Archetype == WorkloadArchetype.ConfigRecorder)
        {
            return;
        }

        var assumedBy = assumer is not null
            ? Callers.UserKey(assumer, workload.SourceIp, workload.UserAgent)
            : Callers.Service(role.AccountId, workload.AssumedBy);
        var target = new CallTarget { Role = role, SessionName = workload.SessionName, IssuedAccessKeyId = key };
        context.Add(time, assumedBy, AssumeRole, workload.Region, target: target);
    }
}
