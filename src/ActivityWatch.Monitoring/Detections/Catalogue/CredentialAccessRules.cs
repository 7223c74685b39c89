using System.Text.RegularExpressions;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Credential access (TA0006): secrets read in bulk, and an instance's role credentials used away
/// from the instance. Both need a threshold: reading one secret or using instance credentials is
/// what workloads do all day.
/// </summary>
public static partial class CredentialAccessRules
{
    private static readonly IReadOnlySet<string> SecretReads = EventNames.Of(
        "GetSecretValue", "BatchGetSecretValue", "GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory");

    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "secrets.bulk-retrieval",
            Title = "Secrets or SecureString parameters read in bulk",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1555.006"],
            NextSteps = "List the secrets and parameters read (the alert's evidence); confirm the principal needs them; if not, rotate every secret read and revoke the session or key.",
            FalsePositives = ["A deployment or migration tool copying all secrets", "A workload reading its whole configuration at start-up"],
            EventNames = SecretReads,
            Threshold = o => new RuleThreshold(o.BulkSecretsThreshold, o.BulkSecretsWindow) { Distinct = SecretNames },
            Match = (r, _) => r.IsCloudTrail() && !r.IsServiceOnBehalf() && SecretNames(r).Any()
                ? $"{r.Principal} read secrets ({r.EventSource}:{r.EventName}{(r.Succeeded() ? "" : $", refused {r.ErrorCode}")}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.instance-credentials-used-elsewhere",
            Title = "EC2 instance role credentials used from a second network",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1552.005", "T1078.004"],
            NextSteps = "Compare the networks with the instance's public IP or NAT gateway; if one is foreign, the instance's metadata credentials leaked (SSRF, compromise): revoke the role's sessions (aws:TokenIssueTime), enforce IMDSv2, investigate the instance.",
            FalsePositives = ["The instance's public IP changed (stop/start, Elastic IP moved)", "Traffic leaving through a different NAT during a network change"],
            Threshold = o => new RuleThreshold(2, o.InstanceCredentialWindow)
            {
                Distinct = r => SourceNetworks.Of(r.SourceIp) is { } network ? [network] : [],
                Group = r => r.SessionName,
            },
            Match = (r, _) => r.IsCloudTrail() && r.IdentityType == IdentityTypes.AssumedRole && r.SessionName is { } session && InstanceId().IsMatch(session)
                              && !r.IsServiceOnBehalf() && !RecordValues.IsInternalOrService(r.SourceIp)
                ? $"Role session {session} (EC2 instance credentials) called {r.EventSource}:{r.EventName} from {r.SourceIp}."
                : null,
        };
    }

    /// <summary>The secrets a read names: Secrets Manager ids, and SSM parameters only when decrypted (SecureString values).</summary>
    public static IEnumerable<string> SecretNames(ActivityRecorded record)
    {
        switch (record.EventName)
        {
            case "GetSecretValue":
                return record.Parameters("secretId").Select(s => $"secret:{s}");
            case "BatchGetSecretValue":
                var ids = record.Parameters("secretIdList").Select(s => $"secret:{s}").ToList();
                // A batch by filters reads every secret they match: each such call counts as a secret of its own.
                return ids.Count > 0 ? ids : [$"secret-batch:{RecordFields.EvidenceId(record)}"];
        }
        if (record.EventSource != "ssm.amazonaws.com" || !RecordValues.IsTrue(record.Field("requestParameters", "withDecryption"))) return [];
        return record.EventName switch
        {
            "GetParameters" => record.Parameters("names").Select(n => $"parameter:{n}"),
            "GetParametersByPath" => record.Parameters("path").Select(p => $"path:{p}"),
            _ => record.Parameters("name").Select(n => $"parameter:{n}"),
        };
    }

    // EC2 names an instance profile's role session after the instance: i- and 8 or 17 hex digits.
    [GeneratedRegex("^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();
}
