using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using ActivityWatch.Simulation.Scenarios;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// The quiet attack classes, each after incidents AWS and responders have written up: the intruder
/// uses real credentials, the victim's usual calls and hours, and changes as little as the goal allows.
/// Variant 0 and 1 differ in how (cloud or hosting network, new or copied client, which role or guardrail).
/// </summary>
internal sealed class QuietAttacks(ScenarioBuilder b, EstateCast cast, EstateAttack attack)
{
    private EstatePerson Person => cast.People.FirstOrDefault(p => p.Name == attack.Subject)
                                   ?? cast.People.First(p => p.Person.SignIn == SignInMethod.IamAccessKey);

    private int Day => (int)Math.Floor((attack.At - cast.Start).TotalDays);

    private string Agent => Person.AgentOn(Day);

    private string Region => Person.Person.Regions[0];

    /// <summary>The victim's own credentials as their day uses them: a key, a console session or an SSO session.</summary>
    private Caller Own(string ip, string agent)
    {
        var person = Person.Person;
        var key = b.Random.AwsId("ASIA", 16);
        return person.SignIn switch
        {
            SignInMethod.IamAccessKey => Callers.UserKey(person.User!, ip, agent),
            SignInMethod.IamConsole => Callers.UserConsole(person.User!, ip, agent, b.Clock.AddMinutes(-30), key),
            _ => Callers.Role(person.SsoRole!, person.Email, ip, agent, b.Clock.AddMinutes(-30), key) with { ConsoleSession = agent.StartsWith("Mozilla", StringComparison.Ordinal) },
        };
    }

    private string CloudAddress() => attack.Variant == 0 ? EstateNetworks.Ec2Address(Region, b.Random) : EstateNetworks.HostingAddress(b.Random);

    /// <summary>The owner's everyday calls from a rented server; variant 1 even copies the owner's client string.</summary>
    public void LeakedKeyFromCloud()
    {
        var agent = attack.Variant == 0 ? UserAgents.AttackerBoto3 : Agent;
        var attacker = Own(CloudAddress(), agent);
        if (attack.Variant == 0) b.Call(attacker, GetCallerIdentity, Region);
        var calls = 10 + b.Random.Next(20);
        for (var i = 0; i < calls; i++)
        {
            b.Wait(20, 200);
            b.Call(attacker, Person.Habits.Next(b.Random), Region);
        }
    }

    /// <summary>One call the principal never makes, every half hour or so, for a working day, from its usual place.</summary>
    public void DiscoverySpreadThin()
    {
        var workload = cast.Workloads.FirstOrDefault(w => w.Name == attack.Subject);
        Caller caller;
        IReadOnlyList<ApiCall> habitual;
        string region;
        if (workload is not null)
        {
            var w = workload.Workload;
            var agent = attack.Variant == 0 ? w.UserAgent : UserAgents.AttackerCli;
            caller = Callers.Role(w.Role, w.SessionName, w.SourceIp, agent, b.Clock.AddMinutes(-10), b.Random.AwsId("ASIA", 16)) with { VpcEndpointId = w.VpcEndpointId };
            habitual = [];
            region = w.Region;
        }
        else
        {
            caller = Own(Person.Person.SourceIp, Agent);
            habitual = Person.Habits.Calls;
            region = Region;
        }
        var pool = ExplorePool.Discovery.Where(a => habitual.All(h => h.Action != a.Action)).ToList();
        var steps = 10 + b.Random.Next(7);
        for (var i = 0; i < steps && pool.Count > 0; i++)
        {
            var api = b.Random.Pick(pool);
            pool.Remove(api);
            b.Call(caller, api, region, b.Random.Chance(0.15) ? CallOutcome.AccessDenied : CallOutcome.Success);
            if (b.Random.Chance(0.4))
            {
                b.Wait(5, 60);
                b.Call(caller, api, region);
            }
            b.Wait(25 * 60, 50 * 60);
        }
    }

    /// <summary>A second key created for the victim's own user from their session, then used from elsewhere.</summary>
    public void SelfCreatedAccessKey()
    {
        var user = Person.User ?? cast.People.First(p => p.User is not null).User!;
        var origin = attack.Variant == 0 ? Person.Person.SourceIp : EstateNetworks.HostingAddress(b.Random);
        var newKey = b.Random.AwsId("AKIA", 16);
        b.Call(Own(origin, Agent), CreateAccessKey, cast.Organization.Account(user.AccountId).GlobalRegion,
            target: new CallTarget { UserName = user.Name, IssuedAccessKeyId = newKey });
        b.Wait(5 * 60, 25 * 60);
        var attacker = Callers.UserKey(user with { AccessKeyId = newKey }, CloudAddress(), attack.Variant == 0 ? UserAgents.AttackerCli : UserAgents.AttackerBoto3);
        b.Call(attacker, GetCallerIdentity, Region);
        var calls = 5 + b.Random.Next(10);
        for (var i = 0; i < calls; i++)
        {
            b.Wait(10, 120);
            b.Call(attacker, b.Random.Chance(0.6) ? Person.Habits.Next(b.Random) : b.Random.Pick(new[] { ListBuckets, ListObjects, GetObject }), Region);
        }
    }

    /// <summary>Several times the usual reads of a bucket the principal reads anyway, over an hour or two of a working day.</summary>
    public void BulkRead()
    {
        var caller = Own(Person.Person.SourceIp, Agent);
        var account = cast.Organization.Account(Person.Person.AccountId);
        var logged = account.Buckets.Where(x => x.DataEventsLogged).ToList();
        var bucket = logged[attack.Variant % logged.Count];
        var reads = attack.Variant == 0 ? 700 + b.Random.Next(400) : 500 + b.Random.Next(300);
        var minutes = attack.Variant == 0 ? 60 + b.Random.Next(40) : 100 + b.Random.Next(40);
        var gap = minutes * 60.0 / reads;
        for (var i = 0; i < reads; i++)
        {
            if (i % 40 == 0) b.Call(caller, ListObjects, bucket.Region, target: new CallTarget { Bucket = bucket });
            b.Wait((int)(gap * 0.5), (int)(gap * 1.5) + 1);
            b.Call(caller, GetObject, bucket.Region, target: new CallTarget { Bucket = bucket, Key = TargetResolver.ObjectKey(bucket, b.Random), Bytes = 20_000 + b.Random.Next(3_000_000) });
        }
    }

    /// <summary>A powerful role handed to a new function or instance (iam:PassRole shows as the role in the request).</summary>
    public void PassRoleToNewCompute()
    {
        var caller = Own(Person.Person.SourceIp, Agent);
        var account = cast.Organization.Account(Person.Person.AccountId);
        var powerful = account.Roles.FirstOrDefault(r => r.Purpose == SimulatedRolePurpose.Deployment) ?? cast.OnCallRoles[account.Id];
        if (b.Random.Chance(0.5))
        {
            b.Call(caller, ListRoles, account.GlobalRegion);
            b.Wait(30, 300);
        }
        if (attack.Variant == 0)
            b.Call(caller, CreateFunction, Region, target: new CallTarget { Name = "log-forwarder-" + b.Random.Hex(5), Role = powerful });
        else
            b.Call(caller, RunInstances, Region, target: new CallTarget { Role = powerful });
        b.Wait(30, 120);
        if (attack.Variant == 0) b.Call(caller, GetFunction, Region);
    }

    /// <summary>A role the principal never assumed (CI's deploy role, or a function's execution role), used from its usual place.</summary>
    public void FirstAssumedRole()
    {
        var caller = Own(Person.Person.SourceIp, Agent);
        var account = cast.Organization.Account(Person.Person.AccountId);
        var role = attack.Variant == 0
            ? account.Roles.FirstOrDefault(r => r.Purpose == SimulatedRolePurpose.Deployment) ?? cast.OnCallRoles[account.Id]
            : cast.Workloads.First(w => w.Workload.Role.AccountId == account.Id && w.Workload.Archetype == WorkloadArchetype.ApiFunction).Workload.Role;
        var key = b.Random.AwsId("ASIA", 16);
        var session = Person.Name.Split('@')[0];
        b.Call(caller, AssumeRole, Region, target: new CallTarget { Role = role, SessionName = session, IssuedAccessKeyId = key });
        var assumed = Callers.Role(role, session, Person.Person.SourceIp, Agent, b.Clock, key);
        var calls = 4 + b.Random.Next(7);
        var uses = new[] { GetCallerIdentity, ListBuckets, GetObject, GetFunction, DescribeStacks, GetRole, DescribeTable };
        for (var i = 0; i < calls; i++)
        {
            b.Wait(10, 120);
            b.Call(assumed, b.Random.Pick(uses), Region);
        }
    }

    /// <summary>One guardrail switched off by someone who looks after it, after a look at its state.</summary>
    public void GuardrailDisabled()
    {
        var caller = Own(Person.Person.SourceIp, Agent);
        var region = Region;
        ApiCall[] disabling = attack.Variant == 0
            ? [StopLogging, SuspendDetector, StopConfigurationRecorder, DeleteFlowLogs]
            : [DeleteDetector, DisableSecurityHub, DeleteDeliveryChannel, DeleteAnalyzer, PutEventSelectors];
        var api = b.Random.Pick(disabling);
        var look = api.Service switch
        {
            "cloudtrail" => DescribeTrails,
            "guardduty" => ListDetectors,
            "config" => DescribeConfigurationRecorders,
            "securityhub" => GetEnabledStandards,
            "access-analyzer" => ListAnalyzers,
            _ => DescribeFlowLogs,
        };
        b.Call(caller, look, region);
        b.Wait(20, 240);
        b.Call(caller, api, region);
    }
}
