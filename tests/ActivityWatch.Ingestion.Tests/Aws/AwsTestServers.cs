using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace ActivityWatch.Ingestion.Tests.Aws;

/// <summary>
/// The S3 and SQS servers started by scripts/services/s3-sqs.sh (fauxqs on 127.0.0.1). Tests fail,
/// never skip, when they are not there.
/// </summary>
public static class AwsTestServers
{
    private const string S3Variable = "ActivityWatch__Test__S3__ServiceUrl";
    private const string SqsVariable = "ActivityWatch__Test__Sqs__ServiceUrl";

    static AwsTestServers()
    {
        // ActivityWatch takes credentials only from the SDK's default chain: the environment is the
        // first link, so the tests put throwaway keys there (the local servers accept any).
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        }
    }

    public static string S3Url => Required(S3Variable);

    public static string SqsUrl => Required(SqsVariable);

    public static IAmazonS3 S3() => new AmazonS3Client(new BasicAWSCredentials("test", "test"),
        new AmazonS3Config { ServiceURL = S3Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public static IAmazonSQS Sqs() => new AmazonSQSClient(new BasicAWSCredentials("test", "test"),
        new AmazonSQSConfig { ServiceURL = SqsUrl, AuthenticationRegion = "us-east-1" });

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: start the S3/SQS test server with `scripts/services/s3-sqs.sh start` " +
                "and export the lines it prints (scripts/test.sh does both).");
}
