#!/usr/bin/env bash
# Least-privilege reports at scale, in one run on one machine:
#  (a) the last-used projection's catch-up on N generated events through the real write path
#      and async daemon (as a member of the activity views composite, beside every other view,
#      the detections and ML scoring), and alone;
#  (b) `activitywatch permissions unused` for every principal: 1,000 principals (700 roles,
#      300 users) imported from a generated get-account-authorization-details file, and the
#      last-used rows of 10M events generated directly in PostgreSQL (ingesting 10M events
#      through the pipeline takes far longer than the report on this machine; the rows are the
#      ones the projection would write: per principal, action and day over 90 days).
#   scripts/bench-permissions.sh [N]     (default 100,000 events for (a); 0 skips (a))
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
WORK="$ROOT/.data/bench-permissions"
BIN="$WORK/bin"
mkdir -p "$WORK"

URL="$("$ROOT/scripts/postgres.sh" start)"
export ActivityWatch__Postgres__ConnectionString="$URL"
field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$URL"; }
export PGHOST="$(field Host)" PGPORT="$(field Port)" PGDATABASE="$(field Database)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)"
psql_q() { psql -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "building the CLI (Release)" >&2
dotnet build "$ROOT/src/ActivityWatch.Cli/ActivityWatch.Cli.csproj" -c Release -o "$BIN" -nologo -v quiet >&2
aw() { dotnet "$BIN/activitywatch.dll" "$@"; }
now_s() { date +%s.%N; }

# ---------------------------------------------------------------- (a) projection catch-up
if [[ "$N" -gt 0 ]]; then
  HARNESS="$WORK/catchup"
  mkdir -p "$HARNESS"
  sed "s|@ROOT@|$ROOT|" >"$HARNESS/catchup.cs" <<'CS'
#:project @ROOT@/src/ActivityWatch.Hosting/ActivityWatch.Hosting.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using System.Text.Json;
using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core;

var (cs, schema, total) = (args[0], args[1], int.Parse(args[2]));
var settings = new Dictionary<string, string?> { ["ActivityWatch:Postgres:ConnectionString"] = cs, ["ActivityWatch:Postgres:Schema"] = schema };
var raw = JsonDocument.Parse("""{"resources":[{"ARN":"arn:aws:lambda:us-east-1:123456789012:function:f","type":"AWS::Lambda::Function"}]}""").RootElement.Clone();
string[] names = ["GetObject", "PutObject", "ListBuckets", "HeadObject", "GetBucketLocation", "ListObjectsV2"];
var start = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

using (var writer = ActivityWatchHosting.CreateBuilder(DaemonRole.Disabled, settings).Build())
{
    await writer.StartAsync();
    var recorder = writer.Services.GetRequiredService<ActivityRecorder>();
    var sw = Stopwatch.StartNew();
    for (var b = 0; b < total / 1000; b++)
    {
        var source = $"bench://permissions/{b}";
        var records = Enumerable.Range(0, 1000).Select(i =>
        {
            var n = b * 1000 + i;
            var user = n % 200 < 60;
            return new ActivityRecorded
            {
                Source = LogSources.CloudTrail, RecordKey = $"bench-{n}", RecordId = $"bench-{n}", EventTime = start.AddSeconds(n * 30),
                Principal = user ? $"arn:aws:iam::123456789012:user/u{n % 200}" : $"arn:aws:iam::123456789012:role/r{n % 200}",
                IdentityType = user ? IdentityTypes.IamUser : IdentityTypes.AssumedRole,
                AccessKeyId = user ? $"AKIABENCH{n % 200:D11}" : "ASIABENCH00000000001", AccountId = "123456789012",
                EventSource = n % 10 == 0 ? "lambda.amazonaws.com" : "s3.amazonaws.com",
                EventName = n % 10 == 0 ? "Invoke" : names[n % names.Length], EventType = "AwsApiCall",
                AwsRegion = "us-east-1", SourceIp = $"192.0.{n % 7}.{n % 250}", SourceObject = source, Position = i, Raw = raw,
            };
        }).ToList();
        await recorder.RecordAsync(new SourceBatch(source, null, records, [], 1000, true), CancellationToken.None);
    }
    Console.WriteLine($"appended         {total,9:N0} events in {sw.Elapsed.TotalSeconds,6:F1} s (daemon off)");
    await writer.StopAsync();
}

using (var daemon = ActivityWatchHosting.CreateBuilder(DaemonRole.Solo, settings).Build())
{
    var clock = Stopwatch.StartNew();
    await daemon.StartAsync();
    var dataSource = daemon.Services.GetRequiredService<NpgsqlDataSource>();
    while (clock.Elapsed < TimeSpan.FromMinutes(15))
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT coalesce((SELECT last_seq_id FROM {schema}.mt_event_progression WHERE name = '{MonitoringProjections.ActivityViews}:All'), 0) >= (SELECT max(seq_id) FROM {schema}.mt_events)");
        if ((bool)(await command.ExecuteScalarAsync())!) break;
        await Task.Delay(50);
    }
    var mine = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"PermissionUse    {total,9:N0} events in {mine,6:F1} s = {total / mine,8:N0} events/s, the whole activity views composite");
    await daemon.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(15));
    Console.WriteLine($"all projections  {total,9:N0} events in {clock.Elapsed.TotalSeconds,6:F1} s");
    await daemon.StopAsync();
}

// Again with only this projection registered: its own cost, without the other shards' share of 2 cores.
await using (var reset = NpgsqlDataSource.Create(cs))
{
    await using var command = reset.CreateCommand($"TRUNCATE {schema}.aw_permission_use, {schema}.aw_permission_use_daily, {schema}.aw_permission_resource, {schema}.aw_credential_use; DELETE FROM {schema}.mt_event_progression WHERE name LIKE 'PermissionsAlone%' OR name LIKE 'PermissionUseProjection%'");
    await command.ExecuteNonQueryAsync();
}
var store = DocumentStore.For(options =>
{
    options.Connection(cs);
    options.DatabaseSchemaName = schema;
    options.Events.DatabaseSchemaName = schema;
    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
    options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    options.Events.StreamIdentity = StreamIdentity.AsString;
    options.Events.AddEventType<ActivityRecorded>();
    PermissionsStore.Register(options);
    options.Projections.CompositeProjectionFor("PermissionsAlone", views =>
    {
        views.Options.BatchSize = 5_000;  // as in ActivityViews
        PermissionsStore.RegisterProjection(views, schema);
    });
});
var alone = Stopwatch.StartNew();
using var solo = await store.BuildProjectionDaemonAsync();
await solo.StartAllAsync();
await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(15));
Console.WriteLine($"PermissionUse    {total,9:N0} events in {alone.Elapsed.TotalSeconds,6:F1} s = {total / alone.Elapsed.TotalSeconds,8:N0} events/s, alone");
await solo.StopAllAsync();
CS
  SCHEMA_A="bench_permissions_catchup"
  psql_q -c "DROP SCHEMA IF EXISTS $SCHEMA_A CASCADE"
  echo "(a) projection catch-up on $N events" >&2
  CATCHUP="$(cd "$HARNESS" && dotnet run catchup.cs -- "$URL" "$SCHEMA_A" "$N" 2>/dev/null | grep -E '^(appended|PermissionUse|all projections)')"
  psql_q -c "DROP SCHEMA IF EXISTS $SCHEMA_A CASCADE"
fi

# ---------------------------------------------------------------- (b) unused report at scale
SCHEMA="bench_permissions"
export ActivityWatch__Postgres__Schema="$SCHEMA"
psql_q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
echo "(b) generating 1,000 principals and their use" >&2
python3 - "$WORK" <<'PY'
import json, sys, random
work = sys.argv[1]
random.seed(7)
acct = "123456789012"
families = {
    "S3App": (["s3:Get*", "s3:List*", "s3:PutObject", "s3:DeleteObject"], ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:DeleteObject"]),
    "Dynamo": (["dynamodb:*"], ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DescribeTable"]),
    "Kms": (["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], ["kms:Decrypt", "kms:GenerateDataKey"]),
    "Lambdas": (["lambda:*"], ["lambda:InvokeFunction", "lambda:GetFunction", "lambda:ListFunctions"]),
    "Messaging": (["sqs:*", "sns:Publish"], ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sns:Publish"]),
    "Observability": (["logs:*", "cloudwatch:*"], ["logs:PutLogEvents", "logs:CreateLogStream", "cloudwatch:PutMetricData"]),
    "Ec2Ops": (["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances"], ["ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:StartInstances"]),
    "IamAdmin": (["iam:*"], ["iam:ListRoles", "iam:GetRole", "iam:PassRole"]),
    "Secrets": (["secretsmanager:GetSecretValue", "ssm:GetParameter*"], ["secretsmanager:GetSecretValue", "ssm:GetParameter"]),
    "ReadMost": ("NOT", ["s3:ListAllMyBuckets", "ec2:DescribeRegions"]),
}
policies, used_by_policy = [], {}
for family, (actions, used) in families.items():
    for variant in range(4):
        arn = f"arn:aws:iam::{acct}:policy/{family}{variant}"
        statement = {"Effect": "Allow", "NotAction": ["iam:*", "sts:*", "organizations:*"], "Resource": "*"} if actions == "NOT" \
            else {"Effect": "Allow", "Action": actions, "Resource": "*" if variant < 2 else f"arn:aws:*:*:{acct}:*{variant}*"}
        policies.append({"PolicyName": f"{family}{variant}", "Arn": arn, "DefaultVersionId": "v1",
                         "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": True, "Document": {"Version": "2012-10-17", "Statement": [statement]}}]})
        used_by_policy[arn] = used
arns = [p["Arn"] for p in policies]
groups = [{"GroupName": f"team{g}", "Arn": f"arn:aws:iam::{acct}:group/team{g}", "GroupPolicyList": [],
           "AttachedManagedPolicies": [{"PolicyArn": a} for a in random.sample(arns, 2)]} for g in range(10)]
users, roles, use_rows, keys = [], [], [], []
for i in range(1000):
    attached = random.sample(arns, random.randint(2, 4))
    if i < 300:
        arn = f"arn:aws:iam::{acct}:user/user{i:04d}"
        group = groups[i % 10]
        users.append({"UserName": f"user{i:04d}", "Arn": arn, "CreateDate": "2025-01-01T00:00:00Z", "GroupList": [group["GroupName"]],
                      "UserPolicyList": [], "AttachedManagedPolicies": [{"PolicyArn": a} for a in attached]})
        attached += [a["PolicyArn"] for a in group["AttachedManagedPolicies"]]
        kind = "IAMUser"
        keys.append((arn, f"AKIABENCH{i:011d}"))
    else:
        arn = f"arn:aws:iam::{acct}:role/role{i:04d}"
        roles.append({"RoleName": f"role{i:04d}", "Arn": arn, "CreateDate": "2025-01-01T00:00:00Z", "RolePolicyList": [],
                      "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
                      "AttachedManagedPolicies": [{"PolicyArn": a} for a in attached]})
        kind = "AssumedRole"
    if i % 20 == 19:
        continue  # an idle principal: no use at all
    candidates = sorted({a for p in attached for a in used_by_policy[p]})
    for action in random.sample(candidates, min(len(candidates), 25)):
        use_rows.append(f"{arn},{action},{action.split(':')[0]},{kind}")
json.dump({"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": policies}, open(f"{work}/authorization.json", "w"))
open(f"{work}/use.csv", "w").write("\n".join(use_rows) + "\n")
open(f"{work}/keys.csv", "w").write("\n".join(f"{p},{k}" for p, k in keys) + "\n")
PY
aw permissions import "$WORK/authorization.json" --captured-at 2026-08-01T00:00:00Z >&2

echo "(b) writing the last-used rows of 10M events over 90 days" >&2
psql_q <<SQL
SET search_path = $SCHEMA;
CREATE TEMP TABLE staged_use (principal text, action text, service text, identity_type text);
\copy staged_use FROM '$WORK/use.csv' WITH (FORMAT csv)
CREATE TEMP TABLE staged_keys (principal text, credential text);
\copy staged_keys FROM '$WORK/keys.csv' WITH (FORMAT csv)
-- 10M calls spread over every (principal, action, day) of the last 90 days.
CREATE TEMP TABLE per_day AS
  SELECT u.*, d::date AS day, 0::bigint AS calls
  FROM staged_use u CROSS JOIN generate_series(now()::date - 89, now()::date, interval '1 day') d
  -- a third of the actions stopped being used 100 days ago: those rows sit before the window
  WHERE hashtext(u.principal || u.action) % 3 <> 0 OR d < now()::date - 80;
UPDATE per_day SET day = day - 100 WHERE hashtext(principal || action) % 3 = 0;
UPDATE per_day SET calls = 10000000 / (SELECT count(*) FROM per_day);
INSERT INTO aw_permission_use_daily (principal, action, day, service, identity_type, account_id, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network)
  SELECT principal, action, day, service, identity_type, '123456789012', calls, day + time '08:00', day + time '18:00', 0, NULL, day + time '18:00', 'us-east-1', '192.0.2.0/24' FROM per_day;
INSERT INTO aw_permission_use (principal, action, service, identity_type, account_id, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network)
  SELECT principal, action, min(service), min(identity_type), '123456789012', sum(calls), min(first_used), max(last_used), 0, NULL, max(last_seen), 'us-east-1', '192.0.2.0/24'
  FROM aw_permission_use_daily GROUP BY principal, action;
INSERT INTO aw_permission_resource (principal, action, resource, first_used, last_used, calls)
  SELECT principal, action, 'arn:aws:s3:::bucket-' || (hashtext(principal) & 15) || CASE WHEN action LIKE '%Object' THEN '/*' ELSE '' END, first_used, last_used, calls
  FROM aw_permission_use WHERE service = 's3' AND action <> 's3:ListAllMyBuckets';
-- Long-term keys: 8 working hours a day, one office network; every 25th key also from a second one.
INSERT INTO aw_credential_use (credential, hour, network, principal, first_used, last_used, calls)
  SELECT k.credential, h, n, k.principal, h, h + interval '50 minutes', 40
  FROM staged_keys k
  CROSS JOIN generate_series(date_trunc('day', now()) - interval '89 days', now(), interval '1 day') d
  CROSS JOIN generate_series(8, 15) hr
  CROSS JOIN LATERAL (SELECT d + hr * interval '1 hour' AS h) t
  CROSS JOIN LATERAL unnest(CASE WHEN hashtext(k.credential) % 25 = 0 THEN ARRAY['192.0.2.0/24', '198.51.100.0/24'] ELSE ARRAY['192.0.2.0/24'] END) n
  WHERE hashtext(k.credential) % 7 <> 0;  -- a seventh of the keys are idle
ANALYZE aw_permission_use; ANALYZE aw_permission_use_daily; ANALYZE aw_credential_use; ANALYZE aw_permission_resource;
SQL
ROWS="$(psql_q -c "SELECT (SELECT sum(calls) FROM $SCHEMA.aw_permission_use_daily) || ' calls in ' || (SELECT count(*) FROM $SCHEMA.aw_permission_use_daily) || ' daily rows, ' || (SELECT count(*) FROM $SCHEMA.aw_permission_use) || ' action rows, ' || (SELECT count(*) FROM $SCHEMA.aw_credential_use) || ' credential rows'")"

aw --help >/dev/null
time_it() {  # median of 3 wall-clock runs of an activitywatch command (a new process each: start-up included)
  local t=()
  for _ in 1 2 3; do
    local s; s="$(now_s)"; aw "$@" >"$WORK/out.json"; t+=("$(echo "$(now_s) - $s" | bc)")
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 2p
}
UNUSED="$(time_it permissions unused --format json)"
FINDINGS="$(python3 -c "import json;f=json.load(open('$WORK/out.json'))['findings'];import collections;print(len(f),'findings:',dict(collections.Counter(x['findingType'] for x in f)))")"
REPORT="$(time_it permissions report --principal arn:aws:iam::123456789012:role/role0500 --format json)"
POLICY="$(time_it permissions policy --principal arn:aws:iam::123456789012:role/role0500)"
HYGIENE="$(time_it permissions hygiene --format json)"
HELP="$(time_it --help)"

# The same report in one process, host already started: what the report itself costs, apart from
# the CLI's start-up (process, configuration, Marten's schema check, every module's services).
mkdir -p "$WORK/inproc"
sed "s|@ROOT@|$ROOT|" >"$WORK/inproc/unused.cs" <<'CS'
#:project @ROOT@/src/ActivityWatch.Cli/ActivityWatch.Cli.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using ActivityWatch.Cli;
using ActivityWatch.Cli.Commands;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;

var context = new CliContext(TextWriter.Null, Console.Error, false);
var start = Stopwatch.StartNew();
await using var host = await context.StartHostAsync(DaemonRole.Disabled, CancellationToken.None, PermissionsCommand.QueryHost());
var hostMs = start.ElapsedMilliseconds;
var runs = new List<(long Report, long Json)>();
for (var i = 0; i < 5; i++)
{
    var sw = Stopwatch.StartNew();
    var findings = await host.Get<PermissionReports>().UnusedAsync(90, CancellationToken.None);
    var report = sw.ElapsedMilliseconds;
    using var writer = new StringWriter();
    ActivityWatch.Cli.Output.Json.Write(writer, new { findings });
    runs.Add((report, sw.ElapsedMilliseconds - report));
}
var median = runs.OrderBy(r => r.Report + r.Json).ElementAt(2);
Console.WriteLine($"{median.Report / 1000.0:F2} {median.Json / 1000.0:F2} {hostMs / 1000.0:F2}");
CS
read -r INPROC_REPORT INPROC_JSON INPROC_HOST < <(cd "$WORK/inproc" && dotnet run -c Release unused.cs 2>/dev/null | tail -1)

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$N" -gt 0 ]]; then echo "(a) last-used projection catch-up"; echo "$CATCHUP" | sed 's/^/    /'; fi
echo "(b) 1,000 principals (700 roles, 300 users, 40 managed policies, 10 groups); $ROWS"
printf '    permissions unused (all principals): %6.2f s   %s\n' "$UNUSED" "$FINDINGS"
printf '    permissions report (one role):       %6.2f s\n' "$REPORT"
printf '    permissions policy (one role):       %6.2f s\n' "$POLICY"
printf '    permissions hygiene:                 %6.2f s\n' "$HYGIENE"
printf '    activitywatch --help (process start):%6.2f s\n' "$HELP"
echo "    (wall clock per command, median of 3, each a new process including .NET start-up and the host's schema check)"
printf '    in one process, host started (%.2f s): unused report %.2f s + JSON output %.2f s (median of 5)\n' "$INPROC_HOST" "$INPROC_REPORT" "$INPROC_JSON"
