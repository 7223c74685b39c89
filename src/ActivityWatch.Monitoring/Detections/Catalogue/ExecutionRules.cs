using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Execution (TA0002) and lateral movement (TA0008) on compute: commands and sessions on many
/// instances, SSH keys pushed through the serial console, boot scripts replaced, unusual instance
/// types launched, SageMaker lifecycle scripts changed.
/// </summary>
public static class ExecutionRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "ec2.remote-access-many-instances",
            Title = "Commands, sessions or SSH keys sent to many instances",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1651", "T1021.007", "T1021.004"],
            NextSteps = "Read the commands (ssm list-command-invocations) or session logs; confirm a change ticket; if not planned, isolate the instances and revoke the caller's credentials.",
            FalsePositives = ["Patching or configuration runs started by a person rather than by State Manager", "An operator fixing a fleet by hand"],
            EventNames = EventNames.Of("SendCommand", "StartSession", "SendSSHPublicKey"),
            Threshold = o => new RuleThreshold(o.ManyInstancesThreshold, o.ManyInstancesWindow) { Distinct = Instances },
            // State Manager and Automation run SendCommand as the service (invokedBy): routine, left out.
            Match = (r, _) => r.IsCloudTrail() && !r.IsServiceOnBehalf() && Instances(r).Any()
                ? $"{r.Principal} called {r.EventSource}:{r.EventName} on {string.Join(", ", Instances(r).Take(5))} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.serial-console-access",
            Title = "EC2 Serial Console enabled or SSH key pushed to it",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1098.004", "T1021.004"],
            NextSteps = "Confirm an operator needed out-of-band access; check the instance's console log; disable serial console access for the account if unused.",
            FalsePositives = ["Recovering an instance that lost network access"],
            EventNames = EventNames.Of("SendSerialConsoleSSHPublicKey", "EnableSerialConsoleAccess"),
            Match = (r, _) => r.IsCloudTrail() && !r.IsServiceOnBehalf()
                ? $"{r.Principal} called {r.EventSource}:{r.EventName}{(r.RequestParameter("instanceId") is { } i ? $" on {i}" : "")} from {r.SourceIp}{Refused(r)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.user-data-modified",
            Title = "EC2 instance user data replaced",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1059.009", "T1098"],
            NextSteps = "Read the instance's new user data (describe-instance-attribute --attribute userData); user data runs as root at boot: look for a start of the instance after the change.",
            FalsePositives = ["Rebuilding a pet instance's bootstrap by hand"],
            EventNames = EventNames.Of("ModifyInstanceAttribute"),
            Match = (r, _) => r.IsCloudTrail() && r.Field("requestParameters", "userData") is not null
                ? $"{r.Principal} replaced the user data of {r.RequestParameter("instanceId")} from {r.SourceIp}{Refused(r)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.unusual-instance-type",
            Title = "Unusual EC2 instance type launched",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1578.002", "T1496"],
            NextSteps = "Check who launched it and why; GPU instances launched from a new network are the signature of cryptomining or LLM hosting on stolen credentials; terminate and revoke if unplanned.",
            FalsePositives = ["Machine-learning teams launching GPU instances (list their roles in a suppression)"],
            EventNames = EventNames.Of("RunInstances"),
            // Attempts count: attackers try GPU types before quotas or permissions stop them.
            Match = (r, c) => r.IsCloudTrail() && !r.IsServiceOnBehalf() && UnusualType(r, c.Options) is { } type
                ? $"{r.Principal} launched {type} instances from {r.SourceIp}{Refused(r)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "sagemaker.lifecycle-config-changed",
            Title = "SageMaker notebook lifecycle script created or changed",
            Severity = Severity.Medium,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1059.009", "T1546"],
            NextSteps = "Read the script (describe-notebook-instance-lifecycle-config, base64); it runs as root with the notebook's role at every start.",
            FalsePositives = ["Data-science platform teams updating notebook bootstrap scripts"],
            EventNames = EventNames.Of("CreateNotebookInstanceLifecycleConfig", "UpdateNotebookInstanceLifecycleConfig"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "sagemaker.amazonaws.com" && r.Succeeded() && !r.IsServiceOnBehalf()
                ? $"{r.Principal} called {r.EventName} ({r.RequestParameter("notebookInstanceLifecycleConfigName")}) from {r.SourceIp}."
                : null,
        };
    }

    /// <summary>The instances a call reaches: SendCommand's instanceIds, StartSession's target, Instance Connect's instanceId.</summary>
    public static IEnumerable<string> Instances(ActivityRecorded record) => record.EventName switch
    {
        "SendCommand" => record.Parameters("instanceIds").Concat(TargetValues(record)),
        "StartSession" => record.Parameters("target"),
        "SendSSHPublicKey" => record.Parameters("instanceId"),
        _ => [],
    };

    private static IEnumerable<string> TargetValues(ActivityRecorded record) =>
        RecordValues.Items(record.Field("requestParameters", "targets"))
            .SelectMany(t => RecordValues.Scalars(RecordValues.Property(t, "values")).Select(v => $"{RecordFields.Scalar(RecordValues.Property(t, "key"))}={v}"));

    private static string? UnusualType(ActivityRecorded record, DetectionOptions options)
    {
        var types = record.Parameters("instanceType").Concat(RecordValues.Scalars(record.Field("requestParameters", "launchTemplate", "instanceType")));
        return types.FirstOrDefault(t => options.UnusualInstanceTypes.Any(p => t.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
    }

    internal static string Refused(ActivityRecorded record) => record.Succeeded() ? "" : $" (refused: {record.ErrorCode ?? record.ErrorMessage})";
}
