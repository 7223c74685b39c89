namespace ActivityWatch.Anomalies.Scoring;

/// <summary>Configuration section "ActivityWatch:Anomaly" (env: ActivityWatch__Anomaly__*).</summary>
public sealed class AnomalyOptions
{
    public const string Section = "ActivityWatch:Anomaly";
    public const string DefaultModelPath = "ml-models/activity-anomaly.zip";

    /// <summary>False: no scoring subscription runs (profiles are not kept either).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The model .zip; its card is the .json beside it. Relative paths are looked for in the
    /// working directory, then upwards from the application's directory (a checkout's ml-models/).</summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>Overrides the threshold in the model card when set.</summary>
    public double? Threshold { get; set; }

    /// <summary>New anomalies for a principal within this long of its open alert's last evidence update that alert.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A copy of AWS's ip-ranges.json: calls from AWS addresses (EC2 and the like) become a network kind of their own.
    /// Loaded once at start; never downloaded.</summary>
    public string? AwsIpRangesPath { get; set; }

    /// <summary>A list of hosting providers' CIDRs, one a line ('#' comments), for the same purpose.</summary>
    public string? HostingRangesPath { get; set; }

    /// <summary>How often the model file's timestamp is checked for a new model.</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
