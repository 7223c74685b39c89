namespace ActivityWatch.Cli.Tests;

/// <summary>Alert, rule and report command tests each run a daemon host: one at a time (see AlertsDatabaseCollection).</summary>
[CollectionDefinition(Name)]
public sealed class AlertsCliCollection
{
    public const string Name = "alerts-cli";
}
