using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>Attacks that take data: objects out of a bucket, secrets out of the stores.</summary>
internal static class DataTheftAttacks
{
    /// <summary>List the data bucket, then download hundreds of objects in a few minutes.</summary>
    public static void S3Exfiltration(ScenarioBuilder b, AttackSubject subject, string network)
    {
        var user = subject.KeyUser();
        var account = b.Organization.Account(user.AccountId);
        var bucket = account.Buckets.First(x => x.DataEventsLogged);
        var attacker = Callers.UserKey(user, network, UserAgents.AttackerBoto3);
        b.Call(attacker, ListBuckets, account.Regions[0]);
        for (var i = 0; i < 4; i++)
        {
            b.Wait(1, 4);
            b.Call(attacker, ListObjects, bucket.Region, target: new CallTarget { Bucket = bucket });
        }

        var downloads = 300 + b.Random.Next(200);
        for (var i = 0; i < downloads; i++)
        {
            if (i % 4 == 0)
            {
                b.Wait(0, 2);
            }

            var target = new CallTarget { Bucket = bucket, Key = TargetResolver.ObjectKey(bucket, b.Random), Bytes = 50_000 + b.Random.Next(5_000_000) };
            b.Call(attacker, GetObject, bucket.Region, target: target);
        }
    }

    /// <summary>Stolen workload credentials used from outside to read every secret and decrypted parameter.</summary>
    public static void SecretsBurst(ScenarioBuilder b, AttackSubject subject, string network)
    {
        var workload = subject.Workload();
        var role = workload.Role;
        var resources = b.Resources(role.AccountId);
        var caller = Callers.Role(role, workload.SessionName, network, UserAgents.AttackerBoto3, b.Clock.AddMinutes(-20), b.Random.AwsId("ASIA", 16));
        b.Call(caller, GetCallerIdentity, workload.Region);
        b.Call(caller, ListSecrets, workload.Region);
        b.Call(caller, DescribeParameters, workload.Region);
        var reads = 40 + b.Random.Next(40);
        for (var i = 0; i < reads; i++)
        {
            b.Wait(1, 5);
            var roll = b.Random.Next(4);
            var api = roll switch { 0 or 1 => GetSecretValue, 2 => GetParameter, _ => GetParameters };
            var target = api == GetSecretValue
                ? new CallTarget { Name = b.Random.Pick(resources.Secrets) }
                : new CallTarget { Name = b.Random.Chance(0.5) ? "/app/orders/db-password" : "/app/billing/webhook-secret" };
            var outcome = b.Random.Chance(0.15) ? CallOutcome.AccessDenied : CallOutcome.Success;
            b.Call(caller, api, workload.Region, outcome, target);
        }

        b.Wait(1, 5);
        b.Call(caller, GetParametersByPath, workload.Region);
    }
}
