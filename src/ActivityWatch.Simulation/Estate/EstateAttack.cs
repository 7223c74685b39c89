namespace ActivityWatch.Simulation.Estate;

/// <summary>One quiet attack to inject. <paramref name="Kind"/> is one of <see cref="EstateAttackKinds"/>;
/// <paramref name="Subject"/> a user, role or workload name of the estate (see <see cref="EstateAttackPlanner"/>);
/// <paramref name="Variant"/> picks among the ways the same attack is carried out (0 or 1).</summary>
public sealed record EstateAttack(string Kind, DateTimeOffset At, string Subject, int Variant = 0);
