namespace ActivityWatch.Monitoring.Tests.Alerts;

/// <summary>
/// Test classes that run a daemon host: run one at a time. Hosts started in parallel in one test
/// process stalled the daemon's shard start-up on this 2-core machine (WaitForNonStaleProjectionData
/// timed out at "shards haven't been completely started"); serially each test takes seconds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AlertsDatabaseCollection
{
    public const string Name = "alerts-database";
}
