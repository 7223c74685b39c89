namespace ActivityWatch.Simulation;

/// <summary>One workload of each kind per account, plus more API functions and queue workers as the
/// organisation grows (one extra of each per ten people).</summary>
internal static class WorkloadFactory
{
    public static IEnumerable<SimulatedWorkload> Create(AccountDraft account, int people)
    {
        var random = account.Random;
        var extra = people / 10;
        var kinds = new List<WorkloadArchetype>
        {
            WorkloadArchetype.ApiFunction, WorkloadArchetype.QueueWorker, WorkloadArchetype.NightlyBatch,
            WorkloadArchetype.InstanceAgent, WorkloadArchetype.ConfigRecorder, WorkloadArchetype.Deployment,
        };
        for (var i = 0; i < extra; i++)
        {
            kinds.Add(WorkloadArchetype.ApiFunction);
            kinds.Add(WorkloadArchetype.QueueWorker);
        }

        var names = new Dictionary<WorkloadArchetype, int>();
        foreach (var kind in kinds)
        {
            var n = names[kind] = names.GetValueOrDefault(kind) + 1;
            var region = account.Regions[(n - 1) % account.Regions.Count];
            var nat = $"198.51.100.{220 + random.Next(30)}";
            var privateIp = $"10.{20 + random.Next(10)}.{random.Next(256)}.{random.Next(1, 255)}";
            var vpce = $"vpce-0{random.Hex(16)}";
            yield return kind switch
            {
                WorkloadArchetype.ApiFunction => Workload(account, $"orders-api-{n}", kind, "/service-role/", "lambda.amazonaws.com", $"orders-api-{n}", region, nat, UserAgents.LambdaNode, null),
                WorkloadArchetype.QueueWorker => Workload(account, $"billing-worker-{n}", kind, "/", "ecs-tasks.amazonaws.com", random.Hex(32), region, privateIp, UserAgents.EcsJava, vpce),
                WorkloadArchetype.NightlyBatch => Workload(account, "nightly-reports", kind, "/", "batch.amazonaws.com", $"aws-batch-{random.Hex(12)}", region, nat, UserAgents.BatchPython, null),
                WorkloadArchetype.InstanceAgent => Workload(account, "ec2-app-instance", kind, "/", "ec2.amazonaws.com", $"i-0{random.Hex(16)}", region, privateIp, UserAgents.SsmAgent, vpce),
                WorkloadArchetype.ConfigRecorder => Workload(account, "AWSServiceRoleForConfig", kind, "/aws-service-role/config.amazonaws.com/", "config.amazonaws.com", "AWSConfig-Describe", region, "config.amazonaws.com", "config.amazonaws.com", null),
                _ => Deployment(account, account.Regions[0]),
            };
        }
    }

    private static SimulatedWorkload Workload(AccountDraft account, string name, WorkloadArchetype kind, string path, string assumedBy, string session, string region, string ip, string agent, string? vpce)
    {
        var purpose = kind == WorkloadArchetype.ConfigRecorder ? SimulatedRolePurpose.ServiceLinked : SimulatedRolePurpose.Workload;
        var roleName = kind == WorkloadArchetype.ConfigRecorder ? name : $"{name}-role";
        return new SimulatedWorkload(name, kind, account.AddRole(roleName, path, purpose), assumedBy, session, region, ip, agent, vpce);
    }

    // Terraform in CI runs as an IAM user with a key that assumes the deploy role: the one benign
    // AssumeRole by a user, which RoleAssumedByNewPrincipal must stand out against.
    private static SimulatedWorkload Deployment(AccountDraft account, string region)
    {
        var ci = account.AddUser("ci-deployer", hasKey: true, hasMfa: false, hasPassword: false);
        var role = account.AddRole("terraform-deploy", "/", SimulatedRolePurpose.Deployment);
        return new SimulatedWorkload("terraform-deploy", WorkloadArchetype.Deployment, role, ci.Arn, "terraform-ci", region, $"198.51.100.{200 + account.Random.Next(10)}", UserAgents.Terraform, null);
    }
}
