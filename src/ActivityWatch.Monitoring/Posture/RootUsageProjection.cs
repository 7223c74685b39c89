using System.Globalization;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>Root usage per account, from the records CIS 5.3 counts (root acting itself, not a service for it).</summary>
public partial class RootUsageProjection : MultiStreamProjection<RootUsage, string>
{
    public RootUsageProjection()
    {
        // The identity-type test comes first: it rejects almost every record without touching the raw JSON.
        Identities<ActivityRecorded>(e => e.IdentityType == IdentityTypes.Root && e.AccountId is { } account && e.IsRootUsage() ? [account] : []);
    }

    public RootUsage Create(ActivityRecorded e)
    {
        var view = new RootUsage { Id = e.AccountId! };
        Apply(e, view);
        return view;
    }

    public void Apply(ActivityRecorded e, RootUsage view)
    {
        view.Total++;
        var day = e.EventTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        view.PerDay[day] = view.PerDay.GetValueOrDefault(day) + 1;
        if (e.AccessKeyId is { Length: > 0 } key && key.StartsWith("AKIA", StringComparison.Ordinal) && !view.AccessKeysSeen.Contains(key))
            view.AccessKeysSeen.Add(key);

        if (e.EventName == "ConsoleLogin")
        {
            if (!e.Succeeded()) view.FailedConsoleSignIns++;
            else if (view.LastConsoleSignIn is null || e.EventTime > view.LastConsoleSignIn)
            {
                view.LastConsoleSignIn = e.EventTime;
                view.LastConsoleSignInIp = e.SourceIp;
                view.LastConsoleSignInMfa = e.AdditionalData("MFAUsed") is { } used ? used == "Yes" : null;
            }
            return;
        }
        if (e.EventSource != "signin.amazonaws.com" && (view.LastApiCall is null || e.EventTime > view.LastApiCall))
        {
            view.LastApiCall = e.EventTime;
            view.LastApiCallName = $"{e.EventSource}:{e.EventName}";
        }
    }
}
