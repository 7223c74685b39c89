using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Rendering;

/// <summary>Turns a planned call into the records AWS would deliver for it: a CloudTrail record (unless
/// it is an S3 data event the trail does not select, or anonymous), and an S3 access log line for S3 requests.</summary>
internal sealed class RecordRenderer(SimulationOptions options, SimulatedOrganization organization, SimulationRandom random)
{
    private readonly CloudTrailRecordWriter _cloudTrail = new(random);
    private readonly S3AccessLogLineWriter _s3Access = new(random, organization.Accounts.ToDictionary(a => a.Id, a => a.CanonicalUserId, StringComparer.Ordinal));

    public IEnumerable<SimulatedRecord> Render(PlannedCall call)
    {
        var api = call.Api;
        var bucket = call.Target.Bucket;
        var logged = call.Caller.Type != IdentityType.Anonymous && !(api.DataEvent && bucket is { DataEventsLogged: false });
        var account = call.RecipientAccountId ?? call.Caller.AccountId;
        if (logged)
        {
            yield return new SimulatedRecord(SimulatedLogKind.CloudTrail, call.Time, account, call.Region, call.Caller.Principal, _cloudTrail.Write(call), call.Scenario);
        }

        if (options.IncludeS3AccessLogs && api.S3Operation is not null && bucket is not null)
        {
            yield return new SimulatedRecord(SimulatedLogKind.S3Access, call.Time, bucket.AccountId, bucket.Region, call.Caller.Principal, _s3Access.Write(call), call.Scenario);
        }
    }
}
