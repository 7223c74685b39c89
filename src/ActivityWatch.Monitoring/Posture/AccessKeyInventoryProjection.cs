using System.Globalization;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>
/// The access key inventory: every long-term key seen in use or in a key-management call.
/// Temporary (ASIA) keys are left out: there are millions and each lives an hour.
/// </summary>
public sealed class AccessKeyInventoryProjection(TimeProvider time) : DocumentFold<AccessKeyUsage>(time)
{
    private const int NetworksKept = 256;

    public override string Member => "AccessKeyUsage";

    protected override AccessKeyUsage Create(string id) => new() { Id = id };

    protected override string IdOf(AccessKeyUsage view) => view.Id;

    protected override IEnumerable<ViewChange<AccessKeyUsage>> Changes(ActivityRecorded e) =>
        Activities(e).Select(a => new ViewChange<AccessKeyUsage>(a.KeyId, view => Apply(a, view)));

    /// <summary>What a record says about each access key it concerns (CreateAccessKey called with one key creates another).</summary>
    public static IEnumerable<AccessKeyActivity> Activities(ActivityRecorded e)
    {
        var longTerm = e.AccessKeyId is { } used && used.StartsWith("AKIA", StringComparison.Ordinal);
        var managed = e.EventName is "CreateAccessKey" or "UpdateAccessKey" or "DeleteAccessKey" && e.IsCloudTrail();
        if (!longTerm && !managed) return [];
        var list = new List<AccessKeyActivity>(2);
        if (longTerm) list.Add(Activity(e, e.AccessKeyId!, AccessKeyActivityKind.Used, e.UserName(), null, null));
        if (managed && e.Succeeded())
        {
            var target = e.RequestParameter("userName") ?? e.UserName();
            if (e.EventName == "CreateAccessKey" && e.Text("responseElements", "accessKey", "accessKeyId") is { } created)
            {
                var createDate = DateTimeOffset.TryParse(e.Text("responseElements", "accessKey", "createDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : e.EventTime;
                list.Add(Activity(e, created, AccessKeyActivityKind.Created, e.Text("responseElements", "accessKey", "userName") ?? target, createDate, e.Text("responseElements", "accessKey", "status")));
            }
            else if (e.RequestParameter("accessKeyId") is { } changed)
            {
                var kind = e.EventName == "DeleteAccessKey" ? AccessKeyActivityKind.Deleted : AccessKeyActivityKind.StatusChanged;
                list.Add(Activity(e, changed, kind, target, null, e.RequestParameter("status")));
            }
        }
        return list;
    }

    private static AccessKeyActivity Activity(ActivityRecorded e, string keyId, AccessKeyActivityKind kind, string? user, DateTimeOffset? created, string? status) =>
        new(keyId, kind, user, e.Principal, e.AccountId, e.EventTime, e.EventSource, e.SourceIp, created, status) { Stamp = Stamp.Of(e) };

    /// <summary>Every field is a sum, a minimum or maximum by stamp, or a set: the view does not depend on the order records arrive in.</summary>
    public static void Apply(AccessKeyActivity a, AccessKeyUsage view)
    {
        var stamp = a.Stamp!;
        if (stamp.IsBefore(view.FirstStamp))
        {
            view.FirstStamp = stamp;
            view.AccountId = a.AccountId ?? view.AccountId;
        }
        // The user a key belongs to: as CreateAccessKey says, else as its first use, else its first management call.
        var rank = a.Kind switch { AccessKeyActivityKind.Created => 0, AccessKeyActivityKind.Used => 1, _ => 2 };
        if (a.UserName is not null && (rank < view.UserNameRank || rank == view.UserNameRank && stamp.IsBefore(view.UserNameStamp)))
        {
            view.UserNameRank = rank;
            view.UserNameStamp = stamp;
            view.UserName = a.UserName;
        }
        switch (a.Kind)
        {
            case AccessKeyActivityKind.Used:
                view.Calls++;
                if (stamp.IsBefore(view.FirstUseStamp))
                {
                    view.FirstUseStamp = stamp;
                    view.FirstSeen = stamp.Time;
                    view.Principal = a.Principal;
                }
                if (stamp.IsAfter(view.LastUseStamp))
                {
                    view.LastUseStamp = stamp;
                    view.LastSeen = stamp.Time;
                    view.LastService = a.EventSource;
                }
                if (SourceNetworks.Of(a.SourceIp) is { } network) AddNetwork(view, network, stamp.Time);
                break;
            case AccessKeyActivityKind.Created:
                view.Created = a.CreateDate;
                SetStatus(view, a.Status ?? "Active", stamp);
                break;
            case AccessKeyActivityKind.StatusChanged:
                if (a.Status is not null) SetStatus(view, a.Status, stamp);
                break;
            case AccessKeyActivityKind.Deleted:
                view.Deleted = true;
                break;
        }
    }

    private static void SetStatus(AccessKeyUsage view, string status, Stamp stamp)
    {
        if (!stamp.IsAfter(view.StatusStamp)) return;
        view.StatusStamp = stamp;
        view.Status = status;
    }

    /// <summary>The first <see cref="NetworksKept"/> networks the key was used from, by first use: the same set in any arrival order.</summary>
    private static void AddNetwork(AccessKeyUsage view, string network, DateTimeOffset at)
    {
        if (view.NetworkFirstSeen.TryGetValue(network, out var seen))
        {
            if (at < seen) view.NetworkFirstSeen[network] = at;
            return;
        }
        view.NetworkFirstSeen[network] = at;
        if (view.NetworkFirstSeen.Count <= NetworksKept) return;
        var latest = view.NetworkFirstSeen.MaxBy(n => (n.Value, n.Key), Comparer<(DateTimeOffset, string)>.Create((x, y) =>
            x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : string.CompareOrdinal(x.Item2, y.Item2)));
        view.NetworkFirstSeen.Remove(latest.Key);
    }
}
