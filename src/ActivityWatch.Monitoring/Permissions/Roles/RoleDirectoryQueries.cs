using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>
/// Loads the <see cref="RoleDirectory"/> from what is stored, each time it is asked:
/// <list type="bullet">
/// <item>CloudTrail: the last-used view's role principals. Those with a path can only come from
/// CloudTrail (its session issuer keeps the path, access logs never print one); a role without a
/// path counts as confirmed when it used an action other than S3's, which access logs cannot
/// record.</item>
/// <item>IAM imports: every role of every `permissions import`, at the time the file describes.</item>
/// </list>
/// Both are folds of stored events, so the directory, and every view resolved through it, is
/// the same whatever order the records were stored in and however many processes stored them.
/// </summary>
public sealed class RoleDirectoryQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<RoleDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<RoleCandidate>();
        await using (var command = dataSource.CreateCommand($"""
            SELECT principal, max(last_seen), bool_or(service <> 's3')
            FROM {_schema}.{PermissionUseTables.Use}
            WHERE principal LIKE 'arn:%:iam::%:role/%'
            GROUP BY principal
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var arn = reader.GetString(0);
                if (!RoleArn.TryParse(arn, out var role) || (!role.HasPath && !reader.GetBoolean(2))) continue;
                candidates.Add(new RoleCandidate(arn, new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), RoleCandidate.CloudTrail));
            }
        }
        // Only the role ARNs and the capture time leave PostgreSQL, not the policy documents beside them.
        await using (var command = dataSource.CreateCommand($"""
            SELECT r.arn, max((b.body ->> 'capturedAt')::timestamptz)
            FROM {MartenTables.Events(_schema)} e
            CROSS JOIN LATERAL (SELECT {EventBodies.Jsonb("e")} AS body) b
            CROSS JOIN LATERAL (SELECT role ->> 'arn' AS arn FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(b.body -> 'snapshot' -> 'roles') = 'array' THEN b.body -> 'snapshot' -> 'roles' ELSE '[]'::jsonb END) role) r
            WHERE e.stream_id LIKE @streams AND r.arn IS NOT NULL
            GROUP BY r.arn
            """))
        {
            command.Parameters.AddWithValue("streams", IamAuthorizationImported.StreamId("") + "%");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var knownAt = reader.IsDBNull(1) ? DateTimeOffset.MinValue : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
                candidates.Add(new RoleCandidate(reader.GetString(0), knownAt, RoleCandidate.Import));
            }
        }
        return new RoleDirectory(candidates);
    }
}
