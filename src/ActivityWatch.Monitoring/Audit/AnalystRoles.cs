namespace ActivityWatch.Monitoring.Audit;

/// <summary>What an analyst may do. Each role includes the ones before it.</summary>
public static class AnalystRoles
{
    /// <summary>Reads everything: timeline, principals, alerts, reports, ingestion status.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also works alerts: acknowledge, resolve, assign, note, suppress one alert.</summary>
    public const string Responder = "responder";

    /// <summary>Also changes rules and suppressions and manages API keys; reads the audit trail.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Responder, Admin];

    public static bool IsKnown(string role) => All.Contains(role);

    public static string[] AtLeast(string role) => All.Skip(All.ToList().IndexOf(role)).ToArray();
}
