namespace ActivityWatch.Simulation.Catalog;

/// <summary>CloudTrail, GuardDuty and AWS Config: the services an attacker silences.</summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall DescribeTrails = new("cloudtrail", "DescribeTrails", true) { EventVersion = "1.09" };
    public static readonly ApiCall GetTrailStatus = Named("cloudtrail", "GetTrailStatus", true, TargetKind.Trail, "name");
    public static readonly ApiCall GetEventSelectors = Named("cloudtrail", "GetEventSelectors", true, TargetKind.Trail, "trailName");
    public static readonly ApiCall LookupEvents = new("cloudtrail", "LookupEvents", true)
    {
        Request = (j, _) => j.WriteNumber("maxResults", 50),
    };

    public static readonly ApiCall StopLogging = Trail("StopLogging", "name");
    public static readonly ApiCall DeleteTrail = Trail("DeleteTrail", "name");

    public static readonly ApiCall PutEventSelectors = new("cloudtrail", "PutEventSelectors", false, TargetKind.Trail)
    {
        // Narrowing to write-only management events hides the attacker's reads.
        Request = (j, c) =>
        {
            j.WriteString("trailName", c.Target.Name);
            j.WriteStartArray("eventSelectors");
            j.WriteStartObject();
            j.WriteString("readWriteType", "WriteOnly");
            j.WriteBoolean("includeManagementEvents", false);
            j.WriteStartArray("dataResources");
            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteEndArray();
        },
    };

    public static readonly ApiCall ListDetectors = new("guardduty", "ListDetectors", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetFindings = Named("guardduty", "GetFindings", true, TargetKind.Detector, "detectorId");
    public static readonly ApiCall DeleteDetector = Named("guardduty", "DeleteDetector", false, TargetKind.Detector, "detectorId");

    public static readonly ApiCall DescribeConfigurationRecorders = new("config", "DescribeConfigurationRecorders", true);
    public static readonly ApiCall StopConfigurationRecorder = new("config", "StopConfigurationRecorder", false)
    {
        Request = (j, _) => j.WriteString("configurationRecorderName", "default"),
    };

    private static ApiCall Trail(string name, string parameter) => new("cloudtrail", name, false, TargetKind.Trail)
    {
        Request = (j, c) => j.WriteString(parameter, c.Target.Arn),
    };
}
