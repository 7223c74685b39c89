namespace ActivityWatch.Simulation;

/// <summary>User agents as CloudTrail prints them for the common clients (versions of late 2026).</summary>
internal static class UserAgents
{
    public static readonly IReadOnlyList<string> Browsers =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15",
    ];

    public static readonly IReadOnlyList<string> Cli =
    [
        "aws-cli/2.31.18 md/awscrt#0.27.6 ua/2.1 os/macos#25.1.0 md/arch#arm64 lang/python#3.13.7 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off",
        "aws-cli/2.30.4 md/awscrt#0.27.2 ua/2.1 os/linux#6.8.0-1031-aws md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off",
        "Boto3/1.40.55 md/Botocore#1.40.55 ua/2.1 os/linux#6.14.0-33-generic md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython m/Z,b,D cfg/retry-mode#legacy Botocore/1.40.55",
        "aws-sdk-java/2.35.10 md/io#sync md/http#Apache ua/2.1 os/Mac_OS_X#15.6 lang/java#21.0.8 md/OpenJDK_64-Bit_Server_VM#21.0.8+9-LTS md/vendor#Amazon.com_Inc. md/en_US m/D,N",
    ];

    public const string Terraform =
        "APN/1.0 HashiCorp/1.0 Terraform/1.13.4 (+https://www.terraform.io) terraform-provider-aws/6.18.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.39.4 ua/2.1 os/linux lang/go#1.24.8 md/GOOS#linux md/GOARCH#amd64";

    public const string LambdaNode =
        "aws-sdk-js/3.913.0 ua/2.1 os/linux#5.10.244-267.968.amzn2.x86_64 lang/js md/nodejs#22.19.0 exec-env/AWS_Lambda_nodejs22.x m/N,E,e";

    public const string EcsJava =
        "aws-sdk-java/2.35.10 md/io#sync md/http#Apache ua/2.1 os/Linux#5.10.244-267.968.amzn2.x86_64 lang/java#21.0.8 md/OpenJDK_64-Bit_Server_VM#21.0.8+9-LTS md/vendor#Amazon.com_Inc. exec-env/AWS_ECS_FARGATE m/D";

    public const string BatchPython =
        "Boto3/1.40.55 md/Botocore#1.40.55 ua/2.1 os/linux#5.10.244-267.968.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.11 md/pyimpl#CPython exec-env/AWS_Batch cfg/retry-mode#standard Botocore/1.40.55";

    public const string SsmAgent = "aws-sdk-go/1.55.8 (go1.24.6; linux; amd64) amazon-ssm-agent/3.3.2958.0";

    /// <summary>Attack tooling: scripted Boto3 from a Linux host, as stolen keys usually are used.</summary>
    public const string AttackerBoto3 =
        "Boto3/1.40.12 md/Botocore#1.40.12 ua/2.1 os/linux#6.12.38+kali-amd64 md/arch#x86_64 lang/python#3.13.5 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.40.12";

    /// <summary>The AWS CLI inside CloudShell: calls leave from an AWS address with the console session's credentials.</summary>
    public const string CloudShell =
        "aws-cli/2.31.18 md/awscrt#0.27.6 ua/2.1 os/linux#6.1.153-175.280.amzn2023.x86_64 md/arch#x86_64 lang/python#3.13.7 md/pyimpl#CPython exec-env/CloudShell cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off";

    /// <summary>An intruder's plain AWS CLI on a rented Linux server.</summary>
    public const string AttackerCli =
        "aws-cli/2.27.49 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0-79-generic md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off";

    public const string S3Console = "S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.791";

    public static readonly IReadOnlyList<string> AnonymousWeb =
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
        "curl/8.14.1",
    ];
}
