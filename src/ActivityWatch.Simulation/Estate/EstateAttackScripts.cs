using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;
using ActivityWatch.Simulation.Scenarios;

namespace ActivityWatch.Simulation.Estate;

/// <summary>Turns the requested attacks into tagged calls, each from a random stream of its own.</summary>
internal static class EstateAttackScripts
{
    public static List<PlannedCall> Create(EstateOptions options, EstateCast cast, PlanningContext context)
    {
        var calls = new List<PlannedCall>();
        for (var i = 0; i < options.Attacks.Count; i++)
        {
            var attack = options.Attacks[i];
            if (attack.At < options.Start || attack.At >= options.End)
                throw new ArgumentOutOfRangeException(nameof(options), $"Attack {i} ({attack.Kind}) at {attack.At:O} is outside the simulated window.");
            var random = new SimulationRandom(unchecked(options.Seed * 7877 + i * 131 + StableHash.Of(attack.Kind) + attack.Variant));
            var builder = new ScenarioBuilder(context, random, EstateAttackKinds.ScenarioId(i, attack.Kind), attack.At);
            var quiet = new QuietAttacks(builder, cast, attack);
            switch (attack.Kind)
            {
                case EstateAttackKinds.LeakedKeyFromCloud: quiet.LeakedKeyFromCloud(); break;
                case EstateAttackKinds.DiscoverySpreadThin: quiet.DiscoverySpreadThin(); break;
                case EstateAttackKinds.SelfCreatedAccessKey: quiet.SelfCreatedAccessKey(); break;
                case EstateAttackKinds.BulkReadAtNormalHours: quiet.BulkRead(); break;
                case EstateAttackKinds.PassRoleToNewCompute: quiet.PassRoleToNewCompute(); break;
                case EstateAttackKinds.FirstAssumedRole: quiet.FirstAssumedRole(); break;
                case EstateAttackKinds.GuardrailDisabledByAdmin: quiet.GuardrailDisabled(); break;
                default: throw new ArgumentException($"Unknown attack kind '{attack.Kind}'; use EstateAttackKinds.", nameof(options));
            }
            calls.AddRange(builder.Calls.Where(c => c.Time >= options.Start && c.Time < options.End));
        }
        for (var i = 0; i < calls.Count; i++) calls[i].Sequence = long.MinValue / 2 + i;
        calls.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
        return calls;
    }
}
