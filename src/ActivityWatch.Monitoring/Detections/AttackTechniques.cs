namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// The MITRE ATT&amp;CK (Enterprise, IaaS platform) techniques the catalogue maps to, with their
/// names and tactics, for the coverage view. Tactic names are ATT&amp;CK's short names, as Sigma tags
/// write them (attack.defense-evasion).
/// </summary>
public static class AttackTechniques
{
    /// <summary>The Enterprise tactics in kill-chain order.</summary>
    public static readonly IReadOnlyList<string> TacticOrder =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
        "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
        "exfiltration", "impact",
    ];

    private static readonly Dictionary<string, (string Name, string[] Tactics)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["T1078"] = ("Valid Accounts", ["initial-access", "persistence", "privilege-escalation", "defense-evasion"]),
        ["T1078.004"] = ("Valid Accounts: Cloud Accounts", ["initial-access", "persistence", "privilege-escalation", "defense-evasion"]),
        ["T1110"] = ("Brute Force", ["credential-access"]),
        ["T1110.001"] = ("Brute Force: Password Guessing", ["credential-access"]),
        ["T1098"] = ("Account Manipulation", ["persistence", "privilege-escalation"]),
        ["T1098.001"] = ("Account Manipulation: Additional Cloud Credentials", ["persistence", "privilege-escalation"]),
        ["T1098.003"] = ("Account Manipulation: Additional Cloud Roles", ["persistence", "privilege-escalation"]),
        ["T1098.004"] = ("Account Manipulation: SSH Authorized Keys", ["persistence", "privilege-escalation"]),
        ["T1136.003"] = ("Create Account: Cloud Account", ["persistence"]),
        ["T1556"] = ("Modify Authentication Process", ["credential-access", "defense-evasion", "persistence"]),
        ["T1556.006"] = ("Modify Authentication Process: Multi-Factor Authentication", ["credential-access", "defense-evasion", "persistence"]),
        ["T1546"] = ("Event Triggered Execution", ["persistence", "privilege-escalation"]),
        ["T1525"] = ("Implant Internal Image", ["persistence"]),
        ["T1562.001"] = ("Impair Defenses: Disable or Modify Tools", ["defense-evasion"]),
        ["T1562.007"] = ("Impair Defenses: Disable or Modify Cloud Firewall", ["defense-evasion"]),
        ["T1562.008"] = ("Impair Defenses: Disable or Modify Cloud Logs", ["defense-evasion"]),
        ["T1666"] = ("Modify Cloud Resource Hierarchy", ["defense-evasion"]),
        ["T1578.002"] = ("Modify Cloud Compute Infrastructure: Create Cloud Instance", ["defense-evasion"]),
        ["T1535"] = ("Unused/Unsupported Cloud Regions", ["defense-evasion"]),
        ["T1550.001"] = ("Use Alternate Authentication Material: Application Access Token", ["defense-evasion", "lateral-movement"]),
        ["T1555.006"] = ("Credentials from Password Stores: Cloud Secrets Management Stores", ["credential-access"]),
        ["T1552"] = ("Unsecured Credentials", ["credential-access"]),
        ["T1552.005"] = ("Unsecured Credentials: Cloud Instance Metadata API", ["credential-access"]),
        ["T1580"] = ("Cloud Infrastructure Discovery", ["discovery"]),
        ["T1526"] = ("Cloud Service Discovery", ["discovery"]),
        ["T1087.004"] = ("Account Discovery: Cloud Account", ["discovery"]),
        ["T1069.003"] = ("Permission Groups Discovery: Cloud Groups", ["discovery"]),
        ["T1619"] = ("Cloud Storage Object Discovery", ["discovery"]),
        ["T1651"] = ("Cloud Administration Command", ["execution"]),
        ["T1059.009"] = ("Command and Scripting Interpreter: Cloud API", ["execution"]),
        ["T1648"] = ("Serverless Execution", ["execution"]),
        ["T1021.004"] = ("Remote Services: SSH", ["lateral-movement"]),
        ["T1021.007"] = ("Remote Services: Cloud Services", ["lateral-movement"]),
        ["T1530"] = ("Data from Cloud Storage", ["collection"]),
        ["T1113"] = ("Screen Capture", ["collection"]),
        ["T1537"] = ("Transfer Data to Cloud Account", ["exfiltration"]),
        ["T1485"] = ("Data Destruction", ["impact"]),
        ["T1486"] = ("Data Encrypted for Impact", ["impact"]),
        ["T1490"] = ("Inhibit System Recovery", ["impact"]),
        ["T1496"] = ("Resource Hijacking", ["impact"]),
        ["T1496.004"] = ("Resource Hijacking: Cloud Service Hijacking", ["impact"]),
    };

    public static string? NameOf(string technique) => Known.TryGetValue(technique, out var known) ? known.Name : null;

    /// <summary>The tactics of a technique; a sub-technique unknown here takes its parent's.</summary>
    public static IReadOnlyList<string> TacticsOf(string technique)
    {
        if (Known.TryGetValue(technique, out var known)) return known.Tactics;
        var dot = technique.IndexOf('.');
        return dot > 0 && Known.TryGetValue(technique[..dot], out var parent) ? parent.Tactics : [];
    }
}
