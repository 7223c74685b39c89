namespace ActivityWatch.Simulation;

public enum PersonArchetype
{
    Developer,
    Operator,
    DataAnalyst,
    Auditor,
}
