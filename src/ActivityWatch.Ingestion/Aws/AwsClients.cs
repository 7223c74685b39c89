using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Aws;

/// <summary>
/// The S3 and SQS clients, built from <see cref="AwsOptions"/>. No credentials are passed, so the
/// SDK resolves them through its default chain; the configuration file never holds keys.
/// </summary>
public sealed class AwsClients(IOptions<AwsOptions> options) : IDisposable
{
    private readonly Lazy<AmazonS3Client> _s3 = new(() => new AmazonS3Client(S3Config(options.Value)));
    private readonly Lazy<AmazonSQSClient> _sqs = new(() => new AmazonSQSClient(SqsConfig(options.Value)));

    public IAmazonS3 S3 => _s3.Value;

    public IAmazonSQS Sqs => _sqs.Value;

    private static AmazonS3Config S3Config(AwsOptions aws)
    {
        var config = new AmazonS3Config { ForcePathStyle = aws.ForcePathStyle };
        Apply(config, aws, aws.S3ServiceUrl);
        return config;
    }

    private static AmazonSQSConfig SqsConfig(AwsOptions aws)
    {
        var config = new AmazonSQSConfig();
        Apply(config, aws, aws.SqsServiceUrl);
        return config;
    }

    private static void Apply(ClientConfig config, AwsOptions aws, string? serviceUrl)
    {
        serviceUrl = string.IsNullOrWhiteSpace(serviceUrl) ? aws.ServiceUrl : serviceUrl;
        // Standard mode: exponential backoff with jitter and a retry quota, for throttling and 5xx.
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = aws.MaxErrorRetry;
        if (!string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.ServiceURL = serviceUrl;
            // With an endpoint override the SDK cannot infer the signing region from the host name.
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(aws.Region) ? "us-east-1" : aws.Region;
        }
        else if (!string.IsNullOrWhiteSpace(aws.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(aws.Region);
        }
    }

    public void Dispose()
    {
        if (_s3.IsValueCreated) _s3.Value.Dispose();
        if (_sqs.IsValueCreated) _sqs.Value.Dispose();
    }
}
