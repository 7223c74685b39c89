using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// CI deploying with Terraform through the deploy role: bursts on two weekdays, a hotfix now and
/// then, new resource types arriving with new calls, execution roles passed to functions, and
/// the roles of added and retired workloads created and deleted.
/// </summary>
internal sealed class EstateDeployActor(SimulatedWorkload deploy, SimulatedUser ciUser, EstateCast estate) : Actor
{
    private static readonly ApiCall[] NewInfrastructure =
    [
        CreateTopic, CreateQueue, CreateLogGroup, PutRetentionPolicy, TagResource, PutBucketTagging, DescribeRepositories,
        ListClusters, DescribeLoadBalancers, ListHostedZones, GetTemplate, ListEventSourceMappings, DescribeFlowLogs, ListTopics,
    ];

    private readonly List<(ApiCall Api, double Weight)> _habits =
    [
        (GetObject, 3), (PutObject, 1), (GetRole, 3), (ListAttachedRolePolicies, 2), (GetFunction, 3), (DescribeSecurityGroups, 2),
        (DescribeTable, 2), (GetQueueAttributes, 1), (DescribeKey, 1), (DescribeLogGroups, 1), (UpdateFunctionCode, 0.5),
        (DescribeStacks, 1), (UpdateFunctionConfiguration, 0.4), (GetCallerIdentity, 0.3),
    ];

    private readonly string _account = deploy.Role.AccountId;
    private DateTimeOffset _until = DateTimeOffset.MinValue;
    private DateOnly _planned;
    private DateTimeOffset _nextStart = DateTimeOffset.MaxValue;
    private Caller? _caller;
    private WeightedCalls? _calls;

    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        var random = context.Random;
        var today = DateOnly.FromDateTime(window.UtcDateTime);
        if (today != _planned) PlanDay(today, window, context);
        if (window >= _nextStart && window < _nextStart + PlanningContext.Window)
        {
            _until = window.AddMinutes(20 + random.Next(26));
            _caller = AssumeDeployRole(window, context);
            Lifecycle(window, context);
            if (random.Chance(0.2)) NewResourceType(window, context);
            _calls = new WeightedCalls(_habits);
        }
        if (window >= _until || _caller is null || _calls is null) return;
        var count = random.Poisson(15 * context.Options.Rate);
        for (var i = 0; i < count; i++)
        {
            var api = _calls.Next(random);
            var outcome = random.Chance(0.002) ? CallOutcome.Throttled : CallOutcome.Success;
            var target = api.IsS3 ? new CallTarget { Bucket = context.Organization.Account(_account).Buckets.First(b => b.Name.Contains("terraform-state", StringComparison.Ordinal)) }
                : api == UpdateFunctionConfiguration ? FunctionWithRole(random) : null;
            context.Add(context.TimeIn(window), _caller, api, deploy.Region, outcome, target);
        }
    }

    private void PlanDay(DateOnly today, DateTimeOffset window, PlanningContext context)
    {
        _planned = today;
        _nextStart = DateTimeOffset.MaxValue;
        var random = context.Random;
        var (first, second, hour) = estate.DeployDays[_account];
        var weekday = ((int)window.DayOfWeek + 6) % 7;
        var day = (int)Math.Floor((window - estate.Start).TotalDays);
        var lifecycle = estate.Workloads.Any(w => w.Workload.Role.AccountId == _account && ((w.Added && w.StartDay == day) || w.EndDay == day));
        var deploys = weekday == first || weekday == second || lifecycle || (weekday < 5 && random.Chance(0.08));
        if (!deploys) return;
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        _nextStart = midnight.AddHours(hour - 1 + random.Next(3)).AddMinutes(5 * random.Next(12));
        if (lifecycle) _nextStart = midnight.AddHours(hour);
    }

    private Caller AssumeDeployRole(DateTimeOffset window, PlanningContext context)
    {
        var time = window.AddSeconds(context.Random.Next(5));
        var key = context.Random.AwsId("ASIA", 16);
        context.Add(time, Callers.UserKey(ciUser, deploy.SourceIp, deploy.UserAgent), AssumeRole, deploy.Region,
            target: new CallTarget { Role = deploy.Role, SessionName = deploy.SessionName, IssuedAccessKeyId = key });
        return Callers.Role(deploy.Role, deploy.SessionName, deploy.SourceIp, deploy.UserAgent, time, key);
    }

    /// <summary>Roles of workloads added today are created and passed to their new function; retired ones are deleted.</summary>
    private void Lifecycle(DateTimeOffset window, PlanningContext context)
    {
        var day = (int)Math.Floor((window - estate.Start).TotalDays);
        var at = window.AddSeconds(30);
        foreach (var w in estate.Workloads.Where(w => w.Workload.Role.AccountId == _account))
        {
            var role = w.Workload.Role;
            if (w.Added && w.StartDay == day)
            {
                context.Add(at, _caller!, CreateRole, deploy.Region, target: new CallTarget { Role = role });
                context.Add(at.AddSeconds(4), _caller!, AttachRolePolicy, deploy.Region, target: new CallTarget { Role = role });
                context.Add(at.AddSeconds(20), _caller!, CreateFunction, deploy.Region, target: new CallTarget { Name = w.Workload.Name, Role = role });
            }
            if (w.EndDay == day && !w.Added)
            {
                context.Add(at.AddSeconds(60), _caller!, DetachRolePolicy, deploy.Region, target: new CallTarget { Role = role });
                context.Add(at.AddSeconds(64), _caller!, DeleteRole, deploy.Region, target: new CallTarget { Role = role });
            }
        }
    }

    /// <summary>A Terraform change adds a kind of resource CI never managed: a handful of calls new to it at once.</summary>
    private void NewResourceType(DateTimeOffset window, PlanningContext context)
    {
        var random = context.Random;
        var fresh = NewInfrastructure.Where(a => _habits.All(h => h.Api != a)).ToList();
        for (var i = 0; i < 2 + random.Next(3) && fresh.Count > 0; i++)
        {
            var api = random.Pick(fresh);
            fresh.Remove(api);
            _habits.Add((api, 0.3));
            context.Add(window.AddSeconds(60 + random.Next(200)), _caller!, api, deploy.Region);
        }
    }

    private CallTarget FunctionWithRole(Randomness.SimulationRandom random)
    {
        var functions = estate.Workloads.Where(w => w.Workload.Role.AccountId == _account && w.Workload.Archetype == WorkloadArchetype.ApiFunction).ToList();
        var pick = random.Pick(functions);
        return new CallTarget { Name = pick.Workload.Name, Role = pick.Workload.Role };
    }
}
