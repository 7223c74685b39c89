using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>Per IAM user: console sign-ins with and without MFA, and MFA device changes made to the user.</summary>
public partial class MfaPostureProjection : MultiStreamProjection<MfaPosture, string>
{
    public static readonly IReadOnlySet<string> DeviceEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "EnableMFADevice", "DeactivateMFADevice", "ResyncMFADevice", "CreateVirtualMFADevice", "DeleteVirtualMFADevice",
    };

    private const int DeviceChangesKept = 20;

    public MfaPostureProjection()
    {
        Identities<ActivityRecorded>(e => Key(e) is { } key ? [key] : []);
    }

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

    public MfaPosture Create(ActivityRecorded e)
    {
        var key = Key(e)!;
        var view = new MfaPosture { Id = key, AccountId = key[..key.IndexOf('/')], UserName = key[(key.IndexOf('/') + 1)..] };
        Apply(e, view);
        return view;
    }

    public void Apply(ActivityRecorded e, MfaPosture view)
    {
        if (e.EventName == "ConsoleLogin")
        {
            view.Principal = e.Principal;
            if (view.LastConsoleSignIn is null || e.EventTime > view.LastConsoleSignIn) view.LastConsoleSignIn = e.EventTime;
            if (e.AdditionalData("MFAUsed") == "Yes")
            {
                view.SignInsWithMfa++;
                if (view.LastSignInWithMfa is null || e.EventTime > view.LastSignInWithMfa) view.LastSignInWithMfa = e.EventTime;
            }
            else
            {
                view.SignInsWithoutMfa++;
                if (view.LastSignInWithoutMfa is null || e.EventTime > view.LastSignInWithoutMfa) view.LastSignInWithoutMfa = e.EventTime;
            }
            return;
        }
        if (e.EventName == "EnableMFADevice") view.HasMfaDevice = true;
        if (e.EventName is "DeactivateMFADevice") view.HasMfaDevice = false;
        view.DeviceChanges.Add(new MfaDeviceChange(e.EventName!, e.RequestParameter("serialNumber"), e.Principal, e.EventTime));
        if (view.DeviceChanges.Count > DeviceChangesKept) view.DeviceChanges.RemoveAt(0);
    }
}
