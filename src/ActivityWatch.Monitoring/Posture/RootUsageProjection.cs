using System.Globalization;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>Root usage per account, from the records CIS 5.3 counts (root acting itself, not a service for it).</summary>
public sealed class RootUsageProjection(TimeProvider time) : DocumentFold<RootUsage>(time)
{
    public override string Member => "RootUsage";

    protected override RootUsage Create(string id) => new() { Id = id };

    protected override string IdOf(RootUsage view) => view.Id;

    protected override IEnumerable<ViewChange<RootUsage>> Changes(ActivityRecorded e)
    {
        // The identity-type test comes first: it rejects almost every record without touching the raw JSON.
        if (e.IdentityType != IdentityTypes.Root || e.AccountId is not { } account || !e.IsRootUsage()) yield break;
        var stamp = Stamp.Of(e);
        var day = e.EventTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var key = e.AccessKeyId is { Length: > 0 } k && k.StartsWith("AKIA", StringComparison.Ordinal) ? k : null;
        var signIn = e.EventName == "ConsoleLogin";
        var succeeded = signIn && e.Succeeded();
        var mfa = signIn && e.AdditionalData("MFAUsed") is { } used ? used == "Yes" : (bool?)null;
        var apiCall = !signIn && e.EventSource != "signin.amazonaws.com" ? $"{e.EventSource}:{e.EventName}" : null;
        var sourceIp = e.SourceIp;

        yield return new ViewChange<RootUsage>(account, view =>
        {
            view.Total++;
            view.PerDay[day] = view.PerDay.GetValueOrDefault(day) + 1;
            if (key is not null && !view.AccessKeysSeen.Contains(key))
            {
                view.AccessKeysSeen.Add(key);
                view.AccessKeysSeen.Sort(StringComparer.Ordinal);
            }
            if (signIn && !succeeded) view.FailedConsoleSignIns++;
            if (succeeded && stamp.IsAfter(view.LastConsoleSignInStamp))
            {
                view.LastConsoleSignInStamp = stamp;
                view.LastConsoleSignIn = stamp.Time;
                view.LastConsoleSignInIp = sourceIp;
                view.LastConsoleSignInMfa = mfa;
            }
            if (apiCall is not null && stamp.IsAfter(view.LastApiCallStamp))
            {
                view.LastApiCallStamp = stamp;
                view.LastApiCall = stamp.Time;
                view.LastApiCallName = apiCall;
            }
        });
    }
}
