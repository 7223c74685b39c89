namespace ActivityWatch.Simulation.Catalog;

/// <summary>
/// Calls only the estate generator makes: the wider surface a real estate touches (discovery
/// across services, compute that takes a role, guardrail administration, key rotation). The
/// sample week never uses them, so its output is unchanged by their presence.
/// </summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall DeleteAccessKey = IamUser("DeleteAccessKey", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("accessKeyId", c.Target.Name);
        },
    };

    // Defined whole, not "UpdateAccessKey with": static fields of other partial files may not be initialised yet.
    public static readonly ApiCall DeactivateAccessKey = IamUser("UpdateAccessKey", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("accessKeyId", c.Target.Name);
            j.WriteString("status", "Inactive");
        },
    };

    public static readonly ApiCall CreateRole = IamRole("CreateRole", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("roleName", c.Target.Role!.Name);
            j.WriteString("path", c.Target.Role.Path);
            j.WriteString("assumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
        },
        Response = (j, c) =>
        {
            j.WriteStartObject("role");
            j.WriteString("path", c.Target.Role!.Path);
            j.WriteString("roleName", c.Target.Role.Name);
            j.WriteString("roleId", c.Target.Role.RoleId);
            j.WriteString("arn", c.Target.Role.Arn);
            j.WriteString("createDate", Format.Iam(c.Time));
            j.WriteEndObject();
        },
    };

    public static readonly ApiCall DeleteRole = IamRole("DeleteRole", false);
    public static readonly ApiCall DetachRolePolicy = IamRole("DetachRolePolicy", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("roleName", c.Target.Role!.Name);
            j.WriteString("policyArn", c.Target.PolicyArn ?? $"arn:aws:iam::{c.AccountId}:policy/{c.Target.Role.Name}-policy");
        },
    };
    public static readonly ApiCall ListGroups = new("iam", "ListGroups", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListInstanceProfiles = new("iam", "ListInstanceProfiles", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListRolePolicies = IamRole("ListRolePolicies", true);
    public static readonly ApiCall ListUserPolicies = IamUser("ListUserPolicies", true);
    public static readonly ApiCall ListMfaDevices = IamUser("ListMFADevices", true);
    public static readonly ApiCall GetLoginProfile = IamUser("GetLoginProfile", true);
    public static readonly ApiCall ListSamlProviders = new("iam", "ListSAMLProviders", true) { EventVersion = "1.08" };

    public static readonly ApiCall DescribeImages = Ec2Describe("DescribeImages", "imagesSet");
    public static readonly ApiCall DescribeKeyPairs = Ec2Describe("DescribeKeyPairs", "keySet");
    public static readonly ApiCall DescribeSnapshots = Ec2Describe("DescribeSnapshots", "snapshotSet");
    public static readonly ApiCall DescribeAddresses = Ec2Describe("DescribeAddresses", "publicIpsSet");
    public static readonly ApiCall DescribeNetworkInterfaces = Ec2Describe("DescribeNetworkInterfaces", "networkInterfaceIdSet");
    public static readonly ApiCall DescribeRouteTables = Ec2Describe("DescribeRouteTables", "routeTableIdSet");
    public static readonly ApiCall DescribeLaunchTemplates = Ec2Describe("DescribeLaunchTemplates", "launchTemplateIdSet");
    public static readonly ApiCall DescribeInstanceTypes = Ec2Describe("DescribeInstanceTypes", "instanceTypeSet");
    public static readonly ApiCall DescribeFlowLogs = Ec2Describe("DescribeFlowLogs", "flowLogIds");

    public static readonly ApiCall DeleteFlowLogs = new("ec2", "DeleteFlowLogs", false)
    {
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteStartObject("DeleteFlowLogsRequest");
            j.WriteStartObject("FlowLogId");
            j.WriteString("content", "fl-0" + c.Random.Hex(16));
            j.WriteNumber("tag", 1);
            j.WriteEndObject();
            j.WriteEndObject();
        },
    };

    /// <summary>iam:PassRole for EC2: the instance profile in RunInstances' request.</summary>
    public static readonly ApiCall RunInstances = new("ec2", "RunInstances", false, TargetKind.Role)
    {
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteStartObject("instancesSet");
            j.WriteStartArray("items");
            j.WriteStartObject();
            j.WriteString("imageId", "ami-0" + c.Random.Hex(16));
            j.WriteNumber("minCount", 1);
            j.WriteNumber("maxCount", 1);
            j.WriteEndObject();
            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteString("instanceType", "t3.medium");
            j.WriteStartObject("iamInstanceProfile");
            j.WriteString("arn", $"arn:aws:iam::{c.AccountId}:instance-profile/{c.Target.Role!.Name}");
            j.WriteEndObject();
        },
    };

    /// <summary>The execution role is passed again whenever a deployment sets it (iam:PassRole).</summary>
    public static readonly ApiCall UpdateFunctionConfiguration = new("lambda", "UpdateFunctionConfiguration20150331v2", false, TargetKind.Function)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("functionName", c.Target.Name);
            j.WriteString("role", c.Target.Role?.Arn ?? $"arn:aws:iam::{c.AccountId}:role/service-role/{c.Target.Name}-role");
            j.WriteNumber("timeout", 30);
        },
    };

    public static readonly ApiCall GetFunctionConfiguration = Lambda("GetFunctionConfiguration20150331v2", true);
    public static readonly ApiCall ListEventSourceMappings = new("lambda", "ListEventSourceMappings20150331", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListLayers = new("lambda", "ListLayers20181031", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetPolicy = Lambda("GetPolicy20150331v2", true);

    public static readonly ApiCall ListClusters = new("ecs", "ListClusters", true);
    public static readonly ApiCall ListTaskDefinitions = new("ecs", "ListTaskDefinitions", true);
    public static readonly ApiCall DescribeRepositories = new("ecr", "DescribeRepositories", true);
    public static readonly ApiCall DescribeLoadBalancers = new("elasticloadbalancing", "DescribeLoadBalancers", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListHostedZones = new("route53", "ListHostedZones", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetTemplate = Named("cloudformation", "GetTemplate", true, TargetKind.Stack, "stackName");
    public static readonly ApiCall ListSecretVersionIds = Named("secretsmanager", "ListSecretVersionIds", true, TargetKind.Secret, "secretId");
    public static readonly ApiCall GetParameterHistory = Named("ssm", "GetParameterHistory", true, TargetKind.Parameter, "name");
    public static readonly ApiCall GetKeyPolicy = Kms("GetKeyPolicy", true);
    public static readonly ApiCall ListGrants = Kms("ListGrants", true);
    public static readonly ApiCall ListBackups = new("dynamodb", "ListBackups", true);
    public static readonly ApiCall ListSubscriptions = new("sns", "ListSubscriptions", true);
    public static readonly ApiCall GetBucketEncryption = Bucket("GetBucketEncryption", "REST.GET.ENCRYPTION", "encryption");
    public static readonly ApiCall GetBucketLogging = Bucket("GetBucketLogging", "REST.GET.LOGGING_STATUS", "logging");
    public static readonly ApiCall GetPublicAccessBlock = Bucket("GetPublicAccessBlock", "REST.GET.PUBLIC_ACCESS_BLOCK", "publicAccessBlock");

    public static readonly ApiCall CreateTopic = Named("sns", "CreateTopic", false, TargetKind.Topic, "name");
    public static readonly ApiCall CreateQueue = Named("sqs", "CreateQueue", false, TargetKind.Queue, "queueName");
    public static readonly ApiCall PutRetentionPolicy = Named("logs", "PutRetentionPolicy", false, TargetKind.LogGroup, "logGroupName");
    public static readonly ApiCall CreateLogGroup = Named("logs", "CreateLogGroup", false, TargetKind.LogGroup, "logGroupName");
    public static readonly ApiCall TagResource = Named("lambda", "TagResource20170331v2", false, TargetKind.Function, "resource");
    public static readonly ApiCall PutBucketTagging = Bucket("PutBucketTagging", "REST.PUT.TAGGING", "tagging") with { ReadOnly = false };
    public static readonly ApiCall UpdateStack = Named("cloudformation", "UpdateStack", false, TargetKind.Stack, "stackName");
    public static readonly ApiCall ExecuteChangeSet = Named("cloudformation", "ExecuteChangeSet", false, TargetKind.Stack, "stackName");
    public static readonly ApiCall RebootInstances = Ec2Instance("RebootInstances");
    public static readonly ApiCall SendCommand = Named("ssm", "SendCommand", false, TargetKind.Instance, "instanceIds");

    public static readonly ApiCall UpdateTrail = Trail("UpdateTrail", "name");
    public static readonly ApiCall StartLogging = Trail("StartLogging", "name");
    public static readonly ApiCall ListTags = new("cloudtrail", "ListTags", true);
    public static readonly ApiCall GetDetector = Named("guardduty", "GetDetector", true, TargetKind.Detector, "detectorId");
    public static readonly ApiCall ListFindings = Named("guardduty", "ListFindings", true, TargetKind.Detector, "detectorId");

    /// <summary>Enable false suspends GuardDuty: the detector stays, nothing is monitored.</summary>
    public static readonly ApiCall UpdateDetector = new("guardduty", "UpdateDetector", false, TargetKind.Detector)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("detectorId", c.Target.Name);
            j.WriteString("findingPublishingFrequency", "FIFTEEN_MINUTES");
        },
    };

    public static readonly ApiCall SuspendDetector = UpdateDetector with
    {
        Request = (j, c) =>
        {
            j.WriteString("detectorId", c.Target.Name);
            j.WriteBoolean("enable", false);
        },
    };

    public static readonly ApiCall DescribeConfigRules = new("config", "DescribeConfigRules", true);
    public static readonly ApiCall DescribeDeliveryChannels = new("config", "DescribeDeliveryChannels", true);
    public static readonly ApiCall PutConfigRule = new("config", "PutConfigRule", false)
    {
        Request = (j, _) =>
        {
            j.WriteStartObject("configRule");
            j.WriteString("configRuleName", "s3-bucket-server-side-encryption-enabled");
            j.WriteEndObject();
        },
    };

    public static readonly ApiCall DeleteDeliveryChannel = new("config", "DeleteDeliveryChannel", false)
    {
        Request = (j, _) => j.WriteString("deliveryChannelName", "default"),
    };

    public static readonly ApiCall GetEnabledStandards = new("securityhub", "GetEnabledStandards", true);
    public static readonly ApiCall GetSecurityHubFindings = new("securityhub", "GetFindings", true);
    public static readonly ApiCall BatchUpdateFindings = new("securityhub", "BatchUpdateFindings", false);
    public static readonly ApiCall DisableSecurityHub = new("securityhub", "DisableSecurityHub", false);
    public static readonly ApiCall ListAnalyzers = new("access-analyzer", "ListAnalyzers", true);
    public static readonly ApiCall DeleteAnalyzer = new("access-analyzer", "DeleteAnalyzer", false)
    {
        Request = (j, _) => j.WriteString("analyzerName", "ConsoleAnalyzer-account"),
    };
}
