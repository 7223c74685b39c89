namespace ActivityWatch.Simulation;

/// <summary>An attack to inject. <paramref name="Kind"/> is one of <see cref="AttackKinds"/>;
/// <paramref name="Principal"/> is a user name or role name of the organisation (null: the simulator picks one).</summary>
public sealed record AttackScenario(string Kind, DateTimeOffset At, string? Principal = null);
