using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>MFA posture of one IAM user (document id "account/userName").</summary>
public sealed class MfaPosture
{
    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string? Principal { get; set; }
    public DateTimeOffset? LastConsoleSignIn { get; set; }
    public Stamp? LastConsoleSignInStamp { get; set; }
    public DateTimeOffset? LastSignInWithMfa { get; set; }
    public DateTimeOffset? LastSignInWithoutMfa { get; set; }
    public int SignInsWithMfa { get; set; }
    public int SignInsWithoutMfa { get; set; }

    /// <summary>True after EnableMFADevice, false after DeactivateMFADevice; null when no change was seen.</summary>
    public bool? HasMfaDevice { get; set; }
    public Stamp? DeviceStateStamp { get; set; }

    /// <summary>The latest device changes (at most 20), oldest first.</summary>
    public List<MfaDeviceChange> DeviceChanges { get; set; } = [];
}
