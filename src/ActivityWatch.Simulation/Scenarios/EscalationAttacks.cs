using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>Attacks on identities and on the logging that would reveal them.</summary>
internal static class EscalationAttacks
{
    /// <summary>A stolen key gives itself a foothold on another user and a Lambda running an admin role
    /// (iam:PassRole shows as the role parameter of CreateFunction).</summary>
    public static void PrivilegeEscalation(ScenarioBuilder b, AttackSubject subject, string network)
    {
        var self = subject.KeyUser();
        var account = b.Organization.Account(self.AccountId);
        var attacker = Callers.UserKey(self, network, UserAgents.AttackerBoto3);
        var victim = subject.OtherUser(self);
        var global = account.GlobalRegion;
        b.Call(attacker, GetCallerIdentity, account.Regions[0]);
        b.Wait(5, 20);
        b.Call(attacker, ListUsers, global);
        b.Wait(5, 20);
        b.Call(attacker, ListAttachedUserPolicies, global, target: new CallTarget { UserName = self.Name });
        b.Wait(10, 40);
        b.Call(attacker, CreateAccessKey, global, target: new CallTarget { UserName = victim.Name });
        b.Wait(5, 20);
        b.Call(attacker, CreateLoginProfile, global, target: new CallTarget { UserName = victim.Name });
        b.Wait(5, 20);
        b.Call(attacker, AttachUserPolicy, global, target: new CallTarget { UserName = victim.Name, PolicyArn = AdministratorAccess });
        b.Wait(10, 30);
        b.Call(attacker, ListRoles, global);
        b.Wait(10, 30);
        var adminRole = account.Roles.FirstOrDefault(r => r.Purpose == SimulatedRolePurpose.Deployment) ?? account.Roles[0];
        b.Call(attacker, CreateFunction, account.Regions[0], target: new CallTarget { Name = "maintenance-" + b.Random.Hex(6), Role = adminRole });
    }

    public static void LoggingTampering(ScenarioBuilder b, AttackSubject subject, string network)
    {
        var self = subject.KeyUser();
        var account = b.Organization.Account(self.AccountId);
        var attacker = Callers.UserKey(self, network, UserAgents.AttackerBoto3);
        var region = account.Regions[0];
        foreach (var api in new[] { DescribeTrails, GetTrailStatus, GetEventSelectors, PutEventSelectors, StopLogging, ListDetectors, DeleteDetector, DescribeConfigurationRecorders, StopConfigurationRecorder, DeleteTrail })
        {
            b.Call(attacker, api, region);
            b.Wait(3, 25);
        }
    }

    /// <summary>A console user signs in at 03:10 their time from a network they never used.</summary>
    public static void OddHourConsoleLogin(ScenarioBuilder b, AttackSubject subject, string network, SimulationOptions options)
    {
        var person = subject.ConsolePerson();
        var offset = TimeSpan.FromHours(person.UtcOffsetHours);
        var local = b.Clock.ToOffset(offset);
        var oddHour = new DateTimeOffset(local.Year, local.Month, local.Day, 3, 10, b.Random.Next(60), offset).ToUniversalTime();
        if (oddHour >= options.Start && oddHour < options.End)
        {
            b.JumpTo(oddHour);
        }

        var user = person.User!;
        var account = b.Organization.Account(user.AccountId);
        var browser = UserAgents.Browsers[^1];
        b.Call(Callers.UserSignIn(user, network, browser), ConsoleLogin, account.GlobalRegion, mfaUsed: user.HasMfa);
        var session = Callers.UserConsole(user, network, browser, b.Clock, b.Random.AwsId("ASIA", 16));
        foreach (var api in new[] { GetAccountSummary, ListUsers, ListBuckets, ListSecrets, DescribeInstances })
        {
            b.Wait(10, 60);
            b.Call(session, api, account.Regions[0]);
        }
    }

    /// <summary>A person who never assumed the deployment role assumes it, from their usual network.</summary>
    public static void RoleAssumedByNewPrincipal(ScenarioBuilder b, AttackSubject subject)
    {
        var person = subject.AnyPerson();
        var user = person.User ?? subject.KeyUser();
        var account = b.Organization.Account(user.AccountId);
        var role = subject.NamedRole ?? account.Roles.FirstOrDefault(r => r.Purpose == SimulatedRolePurpose.Deployment) ?? account.Roles[0];
        var caller = Callers.UserKey(user, person.SourceIp, person.UserAgent);
        var key = b.Random.AwsId("ASIA", 16);
        var session = $"{user.Name}-{b.Random.Next(1000, 9999)}";
        b.Call(caller, AssumeRole, account.Regions[0], target: new CallTarget { Role = role, SessionName = session, IssuedAccessKeyId = key });
        var assumed = Callers.Role(role, session, person.SourceIp, person.UserAgent, b.Clock, key);
        foreach (var api in new[] { GetCallerIdentity, ListRoles, GetAccountAuthorizationDetails, ListBuckets, DescribeInstances })
        {
            b.Wait(5, 40);
            b.Call(assumed, api, account.Regions[0]);
        }
    }
}
