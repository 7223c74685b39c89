namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>A policy that applies to a principal, and how it does ("managed arn:...", "inline user/alice/deploy", "group devs: managed arn:...").</summary>
public sealed record AttachedPolicy(string Source, PolicyDocument Document);
