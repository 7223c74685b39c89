namespace ActivityWatch.Simulation.Catalog;

/// <summary>EC2 and Lambda. Lambda's event names carry the API version date, as CloudTrail logs them.</summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall DescribeInstances = Ec2Describe("DescribeInstances", "instancesSet");
    public static readonly ApiCall DescribeSecurityGroups = Ec2Describe("DescribeSecurityGroups", "securityGroupSet");
    public static readonly ApiCall DescribeVpcs = Ec2Describe("DescribeVpcs", "vpcSet");
    public static readonly ApiCall DescribeSubnets = Ec2Describe("DescribeSubnets", "subnetSet");
    public static readonly ApiCall DescribeVolumes = Ec2Describe("DescribeVolumes", "volumeSet");
    public static readonly ApiCall DescribeTags = Ec2Describe("DescribeTags", "filterSet");
    public static readonly ApiCall DescribeRegions = Ec2Describe("DescribeRegions", "regionSet");

    public static readonly ApiCall AuthorizeSecurityGroupIngress = new("ec2", "AuthorizeSecurityGroupIngress", false, TargetKind.SecurityGroup)
    {
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteString("groupId", c.Target.Name);
            j.WriteStartObject("ipPermissions");
            j.WriteStartArray("items");
            j.WriteStartObject();
            j.WriteString("ipProtocol", "tcp");
            j.WriteNumber("fromPort", 443);
            j.WriteNumber("toPort", 443);
            j.WriteStartObject("ipRanges");
            j.WriteStartArray("items");
            j.WriteStartObject();
            j.WriteString("cidrIp", "10.0.0.0/16");
            j.WriteEndObject();
            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteEndObject();
            j.WriteEndArray();
            j.WriteEndObject();
        },
        Response = (j, c) =>
        {
            j.WriteString("requestId", c.Random.Uuid());
            j.WriteBoolean("_return", true);
        },
    };

    public static readonly ApiCall StopInstances = Ec2Instance("StopInstances");
    public static readonly ApiCall StartInstances = Ec2Instance("StartInstances");

    public static readonly ApiCall ListFunctions = new("lambda", "ListFunctions20150331", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetFunction = Lambda("GetFunction20150331v2", true);
    public static readonly ApiCall UpdateFunctionCode = Lambda("UpdateFunctionCode20150331v2", false);

    /// <summary>iam:PassRole is authorised inside this call and never logged on its own: the role
    /// parameter is where CloudTrail shows it.</summary>
    public static readonly ApiCall CreateFunction = new("lambda", "CreateFunction20150331", false, TargetKind.Function)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("functionName", c.Target.Name);
            j.WriteString("runtime", "python3.13");
            j.WriteString("role", c.Target.Role?.Arn ?? $"arn:aws:iam::{c.AccountId}:role/orders-api-1-role");
            j.WriteString("handler", "index.handler");
            j.WriteStartObject("code");
            j.WriteEndObject();
            j.WriteBoolean("publish", true);
        },
        Response = (j, c) =>
        {
            j.WriteString("functionName", c.Target.Name);
            j.WriteString("functionArn", c.Target.Arn);
            j.WriteString("runtime", "python3.13");
            j.WriteString("role", c.Target.Role?.Arn ?? $"arn:aws:iam::{c.AccountId}:role/orders-api-1-role");
            j.WriteString("state", "Pending");
        },
    };

    private static ApiCall Ec2Describe(string name, string set) => new("ec2", name, true)
    {
        EventVersion = "1.10",
        Request = (j, _) =>
        {
            j.WriteStartObject(set);
            j.WriteEndObject();
            j.WriteStartObject("filterSet");
            j.WriteEndObject();
        },
    };

    private static ApiCall Ec2Instance(string name) => new("ec2", name, false, TargetKind.Instance)
    {
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteStartObject("instancesSet");
            j.WriteStartArray("items");
            j.WriteStartObject();
            j.WriteString("instanceId", c.Target.Name);
            j.WriteEndObject();
            j.WriteEndArray();
            j.WriteEndObject();
        },
    };

    private static ApiCall Lambda(string name, bool readOnly) => new("lambda", name, readOnly, TargetKind.Function)
    {
        EventVersion = "1.08",
        Request = (j, c) => j.WriteString("functionName", c.Target.Name),
    };
}
