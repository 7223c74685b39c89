namespace ActivityWatch.Simulation.Scenarios;

/// <summary>TEST-NET-3 (203.0.113.0/24) is kept for attackers: no benign principal ever uses it.</summary>
internal static class NewNetworks
{
    public static string Address(int host) => $"203.0.113.{Math.Clamp(host, 1, 254)}";
}
