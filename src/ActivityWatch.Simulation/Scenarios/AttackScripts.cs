using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>Turns the requested <see cref="AttackScenario"/>s into tagged calls. Each attack draws from its
/// own random stream, so adding one attack changes no other record.</summary>
internal static class AttackScripts
{
    public static IEnumerable<PlannedCall> Create(PlanningContext context)
    {
        var options = context.Options;
        var calls = new List<PlannedCall>();
        for (var i = 0; i < options.Attacks.Count; i++)
        {
            var attack = options.Attacks[i];
            if (attack.At < options.Start || attack.At >= options.End)
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"Attack {i} ({attack.Kind}) at {attack.At:O} is outside the simulated window.");
            }

            var id = ScenarioIds.ForAttack(i, attack.Kind);
            var random = new SimulationRandom(unchecked(options.Seed * 7877 + i * 131 + StableHash.Of(attack.Kind)));
            var builder = new ScenarioBuilder(context, random, id, attack.At);
            var subject = new AttackSubject(context.Organization, attack.Principal);
            var network = NewNetworks.Address(100 + i % 150);
            switch (attack.Kind)
            {
                case AttackKinds.LeakedKeyRecon:
                    Reconnaissance.Run(builder, Callers.UserKey(subject.KeyUser(), network, UserAgents.AttackerBoto3), subject.Account, 60 + random.Next(40), deniedShare: 0.45);
                    break;
                case AttackKinds.PrivilegeEscalation:
                    EscalationAttacks.PrivilegeEscalation(builder, subject, network);
                    break;
                case AttackKinds.S3Exfiltration:
                    DataTheftAttacks.S3Exfiltration(builder, subject, network);
                    break;
                case AttackKinds.LoggingTampering:
                    EscalationAttacks.LoggingTampering(builder, subject, network);
                    break;
                case AttackKinds.ConsoleLoginNewNetworkOddHour:
                    EscalationAttacks.OddHourConsoleLogin(builder, subject, network, options);
                    break;
                case AttackKinds.RoleAssumedByNewPrincipal:
                    EscalationAttacks.RoleAssumedByNewPrincipal(builder, subject);
                    break;
                case AttackKinds.SecretsBurst:
                    DataTheftAttacks.SecretsBurst(builder, subject, network);
                    break;
                default:
                    throw new ArgumentException($"Unknown attack kind '{attack.Kind}'; use AttackKinds.", nameof(options));
            }

            calls.AddRange(builder.Calls);
        }

        return calls;
    }
}
