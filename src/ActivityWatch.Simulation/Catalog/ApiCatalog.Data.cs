namespace ActivityWatch.Simulation.Catalog;

/// <summary>DynamoDB control plane, RDS, KMS, Secrets Manager and Parameter Store.</summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall ListTables = new("dynamodb", "ListTables", true);
    public static readonly ApiCall DescribeTable = Named("dynamodb", "DescribeTable", true, TargetKind.Table, "tableName");
    public static readonly ApiCall DescribeContinuousBackups = Named("dynamodb", "DescribeContinuousBackups", true, TargetKind.Table, "tableName");
    public static readonly ApiCall CreateBackup = Named("dynamodb", "CreateBackup", false, TargetKind.Table, "tableName");

    public static readonly ApiCall DescribeDbInstances = new("rds", "DescribeDBInstances", true) { EventVersion = "1.08" };
    public static readonly ApiCall DescribeDbSnapshots = Named("rds", "DescribeDBSnapshots", true, TargetKind.Database, "dBInstanceIdentifier");
    public static readonly ApiCall CreateDbSnapshot = Named("rds", "CreateDBSnapshot", false, TargetKind.Database, "dBInstanceIdentifier");

    public static readonly ApiCall Decrypt = Kms("Decrypt", true);
    public static readonly ApiCall GenerateDataKey = Kms("GenerateDataKey", true);
    public static readonly ApiCall DescribeKey = Kms("DescribeKey", true);
    public static readonly ApiCall ListKeys = new("kms", "ListKeys", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListAliases = new("kms", "ListAliases", true) { EventVersion = "1.08" };

    public static readonly ApiCall GetSecretValue = Named("secretsmanager", "GetSecretValue", true, TargetKind.Secret, "secretId");
    public static readonly ApiCall DescribeSecret = Named("secretsmanager", "DescribeSecret", true, TargetKind.Secret, "secretId");
    public static readonly ApiCall ListSecrets = new("secretsmanager", "ListSecrets", true);

    /// <summary>Secrets Manager's own rotation, logged as an AwsServiceEvent.</summary>
    public static readonly ApiCall RotationSucceeded = new("secretsmanager", "RotationSucceeded", false, TargetKind.Secret)
    {
        EventType = "AwsServiceEvent",
        AdditionalData = (j, c) => j.WriteString("SecretId", c.Target.Arn),
    };

    public static readonly ApiCall GetParameter = new("ssm", "GetParameter", true, TargetKind.Parameter)
    {
        Request = (j, c) =>
        {
            j.WriteString("name", c.Target.Name);
            j.WriteBoolean("withDecryption", c.Target.Name!.Contains("password", StringComparison.Ordinal) || c.Target.Name.Contains("secret", StringComparison.Ordinal));
        },
    };

    public static readonly ApiCall GetParameters = new("ssm", "GetParameters", true, TargetKind.Parameter)
    {
        Request = (j, c) =>
        {
            j.WriteStartArray("names");
            j.WriteStringValue(c.Target.Name);
            j.WriteStringValue("/app/orders/db-password");
            j.WriteEndArray();
            j.WriteBoolean("withDecryption", true);
        },
    };

    public static readonly ApiCall GetParametersByPath = new("ssm", "GetParametersByPath", true)
    {
        Request = (j, _) =>
        {
            j.WriteString("path", "/app/");
            j.WriteBoolean("recursive", true);
            j.WriteBoolean("withDecryption", true);
        },
    };

    public static readonly ApiCall DescribeParameters = new("ssm", "DescribeParameters", true);
    public static readonly ApiCall ListInstanceAssociations = Named("ssm", "ListInstanceAssociations", true, TargetKind.Instance, "instanceId");

    public static readonly ApiCall UpdateInstanceInformation = new("ssm", "UpdateInstanceInformation", false, TargetKind.Instance)
    {
        Request = (j, c) =>
        {
            j.WriteString("instanceId", c.Target.Name);
            j.WriteString("agentVersion", "3.3.2958.0");
            j.WriteString("agentStatus", "Active");
            j.WriteString("platformType", "Linux");
            j.WriteString("platformName", "Amazon Linux");
            j.WriteString("platformVersion", "2023");
        },
    };

    public static readonly ApiCall StartSession = Named("ssm", "StartSession", false, TargetKind.Instance, "target");

    private static ApiCall Kms(string name, bool readOnly) => new("kms", name, readOnly, TargetKind.Key)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("keyId", c.Target.Arn);
            if (name != "DescribeKey")
            {
                j.WriteString("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
            }
        },
    };

    private static ApiCall Named(string service, string name, bool readOnly, TargetKind target, string parameter) =>
        new(service, name, readOnly, target) { Request = (j, c) => j.WriteString(parameter, c.Target.Name) };
}
