namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// An action the principal used that a generated policy leaves out, and why: its only uses are the
/// evidence of open or acknowledged high or critical alerts (<see cref="Alerted"/>; `--include-alerted`
/// keeps it), or the action catalogue does not list it (<see cref="NotInCatalogue"/>).
/// </summary>
public sealed record LeftOutAction(string Action, string Reason, long Calls, IReadOnlyList<AlertReference> Alerts)
{
    public const string Alerted = "alerted";
    public const string NotInCatalogue = "not-in-catalogue";
}
