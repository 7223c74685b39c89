namespace ActivityWatch.Ingestion.Tests.Parsing;

/// <summary>
/// Tests that read the process's managed heap size run alone: tests running beside them (a simulated
/// day, multi-MiB S3 objects) allocate into the same heap and made the measurement fail now and then.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory-measuring tests";
}
