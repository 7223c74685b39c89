namespace ActivityWatch.Simulation.Catalog;

/// <summary>One AWS API as CloudTrail logs it.</summary>
/// <param name="Service">The endpoint prefix: "ec2", "s3", "monitoring" for CloudWatch.</param>
internal sealed record ApiCall(string Service, string Name, bool ReadOnly, TargetKind Target = TargetKind.None)
{
    public ParameterWriter? Request { get; init; }

    public ParameterWriter? Response { get; init; }

    public ParameterWriter? AdditionalData { get; init; }

    /// <summary>S3 object-level calls are data events: logged only where the trail selects them.</summary>
    public bool DataEvent { get; init; }

    /// <summary>The operation S3 server access logs print for this call (REST.GET.OBJECT ...).</summary>
    public string? S3Operation { get; init; }

    /// <summary>Services move to new record versions at different paces.</summary>
    public string EventVersion { get; init; } = "1.09";

    public string EventType { get; init; } = "AwsApiCall";

    public string EventSource => $"{Service}.amazonaws.com";

    /// <summary>IAM, the console sign-in and the STS global endpoint answer in us-east-1 whatever the caller's region.</summary>
    public bool Global => Service is "iam" or "signin";

    public bool IsS3 => Service == "s3";

    public string Action => $"{Service}:{Name}";

    /// <summary>The errorCode an authorization failure logs: EC2 prefixes "Client.", JSON-protocol services
    /// say AccessDeniedException, query-protocol ones AccessDenied.</summary>
    public string DeniedErrorCode => Service switch
    {
        "ec2" => "Client.UnauthorizedOperation",
        "kms" or "lambda" or "dynamodb" or "logs" or "secretsmanager" or "ssm" or "cloudtrail" or "guardduty" or "config" => "AccessDeniedException",
        _ => "AccessDenied",
    };

    public string ThrottledErrorCode => Service switch
    {
        "ec2" => "Client.RequestLimitExceeded",
        "iam" or "sts" or "s3" or "cloudformation" or "sns" or "monitoring" or "rds" => "Throttling",
        _ => "ThrottlingException",
    };

    public string Host(string region, string? bucket) => Service switch
    {
        "iam" => "iam.amazonaws.com",
        "s3" when bucket is not null => $"{bucket}.s3.{region}.amazonaws.com",
        "s3" => "s3.amazonaws.com",
        _ => $"{Service}.{region}.amazonaws.com",
    };
}
