using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>Per IAM user: console sign-ins with and without MFA, and MFA device changes made to the user.</summary>
public sealed class MfaPostureProjection(TimeProvider time) : DocumentFold<MfaPosture>(time)
{
    public static readonly IReadOnlySet<string> DeviceEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "EnableMFADevice", "DeactivateMFADevice", "ResyncMFADevice", "CreateVirtualMFADevice", "DeleteVirtualMFADevice",
    };

    private const int DeviceChangesKept = 20;

    public override string Member => "MfaPosture";

    /// <summary>"account/userName" of the user a record is about, or null when it is not about an IAM user's MFA.</summary>
    public static string? Key(ActivityRecorded e)
    {
        if (e.AccountId is not { } account) return null;
        if (e.EventName == "ConsoleLogin")
            return e.IdentityType == IdentityTypes.IamUser && e.Succeeded() && e.UserName() is { } user ? $"{account}/{user}" : null;
        if (e.EventName is null || !DeviceEvents.Contains(e.EventName) || !e.Succeeded()) return null;
        var target = e.RequestParameter("userName") ?? (e.IdentityType == IdentityTypes.IamUser ? e.UserName() : null);
        return target is null ? null : $"{account}/{target}";
    }

    protected override MfaPosture Create(string id)
    {
        var slash = id.IndexOf('/');
        return new MfaPosture { Id = id, AccountId = id[..slash], UserName = id[(slash + 1)..] };
    }

    protected override string IdOf(MfaPosture view) => view.Id;

    protected override IEnumerable<ViewChange<MfaPosture>> Changes(ActivityRecorded e)
    {
        if (Key(e) is not { } key) yield break;
        var stamp = Stamp.Of(e);
        var principal = e.Principal;
        if (e.EventName == "ConsoleLogin")
        {
            var withMfa = e.AdditionalData("MFAUsed") == "Yes";
            yield return new ViewChange<MfaPosture>(key, view =>
            {
                if (stamp.IsAfter(view.LastConsoleSignInStamp))
                {
                    view.LastConsoleSignInStamp = stamp;
                    view.LastConsoleSignIn = stamp.Time;
                    view.Principal = principal;
                }
                if (withMfa)
                {
                    view.SignInsWithMfa++;
                    if (view.LastSignInWithMfa is null || stamp.Time > view.LastSignInWithMfa) view.LastSignInWithMfa = stamp.Time;
                }
                else
                {
                    view.SignInsWithoutMfa++;
                    if (view.LastSignInWithoutMfa is null || stamp.Time > view.LastSignInWithoutMfa) view.LastSignInWithoutMfa = stamp.Time;
                }
            });
            yield break;
        }

        var change = new MfaDeviceChange(e.EventName!, e.RequestParameter("serialNumber"), principal, stamp.Time) { Stamp = stamp };
        bool? hasDevice = e.EventName switch { "EnableMFADevice" => true, "DeactivateMFADevice" => false, _ => null };
        yield return new ViewChange<MfaPosture>(key, view =>
        {
            if (hasDevice is { } has && stamp.IsAfter(view.DeviceStateStamp))
            {
                view.DeviceStateStamp = stamp;
                view.HasMfaDevice = has;
            }
            // The latest changes by time, oldest first, whatever order they were read in.
            if (view.DeviceChanges.Any(c => c.Stamp == stamp)) return;
            view.DeviceChanges.Add(change);
            view.DeviceChanges.Sort((a, b) => Comparer<Stamp?>.Default.Compare(a.Stamp, b.Stamp));
            if (view.DeviceChanges.Count > DeviceChangesKept) view.DeviceChanges.RemoveAt(0);
        });
    }
}
