using System.Globalization;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>
/// The access key inventory: every long-term key seen in use or in a key-management call.
/// Temporary (ASIA) keys are left out: there are millions and each lives an hour.
/// </summary>
public partial class AccessKeyInventoryProjection : MultiStreamProjection<AccessKeyUsage, string>
{
    private const int NetworksKept = 256;

    public AccessKeyInventoryProjection()
    {
        FanOut<ActivityRecorded, AccessKeyActivity>(Activities, JasperFx.Events.Grouping.FanoutMode.BeforeGrouping);
        Identity<AccessKeyActivity>(a => a.KeyId);
    }

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
        new(keyId, kind, user, e.Principal, e.AccountId, e.EventTime, e.EventSource, e.SourceIp, created, status);

    public AccessKeyUsage Create(AccessKeyActivity a)
    {
        var view = new AccessKeyUsage { Id = a.KeyId };
        Apply(a, view);
        return view;
    }

    public void Apply(AccessKeyActivity a, AccessKeyUsage view)
    {
        view.AccountId ??= a.AccountId;
        switch (a.Kind)
        {
            case AccessKeyActivityKind.Used:
                view.Calls++;
                view.UserName ??= a.UserName;
                view.Principal ??= a.Principal;
                if (view.FirstSeen is null || a.EventTime < view.FirstSeen) view.FirstSeen = a.EventTime;
                if (view.LastSeen is null || a.EventTime >= view.LastSeen)
                {
                    view.LastSeen = a.EventTime;
                    view.LastService = a.EventSource;
                }
                if (SourceNetworks.Of(a.SourceIp) is { } network && !view.Networks.Contains(network) && view.Networks.Count < NetworksKept) view.Networks.Add(network);
                break;
            case AccessKeyActivityKind.Created:
                view.Created = a.CreateDate;
                view.UserName = a.UserName ?? view.UserName;
                view.Status = a.Status ?? "Active";
                break;
            case AccessKeyActivityKind.StatusChanged:
                view.UserName ??= a.UserName;
                view.Status = a.Status ?? view.Status;
                break;
            case AccessKeyActivityKind.Deleted:
                view.UserName ??= a.UserName;
                view.Deleted = true;
                break;
        }
    }
}
