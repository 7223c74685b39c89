namespace ActivityWatch.Simulation.Rendering;

internal enum CallOutcome
{
    Success,
    AccessDenied,
    Throttled,
    NotFound,
}
