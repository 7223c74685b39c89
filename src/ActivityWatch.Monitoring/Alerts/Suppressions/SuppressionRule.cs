using System.Net;
using ActivityWatch.Monitoring.Detections;

namespace ActivityWatch.Monitoring.Alerts.Suppressions;

/// <summary>
/// A known-good pattern (for example the break-glass root sign-in from the office network). A hit
/// it matches still raises its alert, with status Suppressed, so the evidence is kept and counted.
/// </summary>
public sealed class SuppressionRule
{
    public string Id { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string? Principal { get; set; }
    public string? SourceCidr { get; set; }
    public string Note { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public bool Matches(DetectionHit hit)
    {
        if (RuleId != "*" && RuleId != hit.RuleId) return false;
        if (Principal is not null && !string.Equals(Principal, hit.Principal, StringComparison.Ordinal)) return false;
        if (SourceCidr is null) return true;
        return hit.SourceIp is not null && IPAddress.TryParse(hit.SourceIp, out var address)
               && TryParseNetwork(SourceCidr, out var network) && network.Contains(address);
    }

    /// <summary>Accepts "203.0.113.0/24" and a bare address (one host).</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network)) return true;
        if (!IPAddress.TryParse(text, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
