using System.Diagnostics;
using System.Text.Json;
using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActivityWatch.Benchmarks;

/// <summary>The write path alone (no parsing): N synthetic CloudTrail-sized records through ActivityRecorder.</summary>
public static class WritePathSpike
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var writers = args.Length > 1 ? int.Parse(args[1]) : 2;
        var builder = ActivityWatchHosting.CreateBuilder(DaemonRole.Disabled);
        using var host = builder.Build();
        await host.StartAsync();
        var recorder = host.Services.GetRequiredService<ActivityRecorder>();
        var raw = JsonDocument.Parse(SampleRecord).RootElement;
        var stopwatch = Stopwatch.StartNew();
        var perWriter = count / writers;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var stream = $"bench://{Guid.NewGuid():N}";
            for (var offset = 0; offset < perWriter; offset += 1000)
            {
                var records = Enumerable.Range(offset, Math.Min(1000, perWriter - offset)).Select(i => new ActivityRecorded
                {
                    Source = LogSources.CloudTrail,
                    RecordKey = $"cloudtrail:bench:{stream}:{i}",
                    RecordId = Guid.NewGuid().ToString(),
                    EventTime = DateTimeOffset.UtcNow,
                    Principal = $"arn:aws:iam::123456789012:user/user{i % 100}",
                    IdentityType = IdentityTypes.IamUser,
                    AccountId = "123456789012",
                    EventSource = "s3.amazonaws.com",
                    EventName = "GetObject",
                    AwsRegion = "us-east-1",
                    SourceIp = "192.0.2.10",
                    UserAgent = "aws-cli/2.15.0",
                    AccessKeyId = "AKIAEXAMPLE",
                    Mfa = false,
                    SourceObject = stream,
                    Position = i,
                    Raw = raw,
                }).ToArray();
                await recorder.RecordAsync(new SourceBatch(stream, null, records, [], offset + records.Length, false), CancellationToken.None);
            }
        })));
        Console.WriteLine($"{count} records in {stopwatch.Elapsed.TotalSeconds:0.00}s = {count / stopwatch.Elapsed.TotalSeconds:0} records/s ({writers} writers)");
        await host.StopAsync();
        return 0;
    }

    private const string SampleRecord = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice","sessionContext":{"attributes":{"creationDate":"2026-11-02T08:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"2026-11-02T08:15:03Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.10","userAgent":"[aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12 prompt/off command/s3.cp]","requestParameters":{"bucketName":"example-data-bucket","Host":"example-data-bucket.s3.us-east-1.amazonaws.com","key":"reports/2026/11/02/daily-summary.csv"},"responseElements":null,"additionalEventData":{"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256","bytesTransferredIn":0,"AuthenticationMethod":"AuthHeader","x-amz-id-2":"EXAMPLEi2pOIyqYfrbGB8y7S6Pmz0lq3Ea3C3JkXvT3X9w3Bf4o=","bytesTransferredOut":48213},"requestID":"EXAMPLE8VYRD8G2K","eventID":"6c7a3d2e-6f1b-4f3e-9a54-1f2b3c4d5e6f","readOnly":true,"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::example-data-bucket/reports/2026/11/02/daily-summary.csv"},{"accountId":"123456789012","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::example-data-bucket"}],"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"123456789012","eventCategory":"Data","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"example-data-bucket.s3.us-east-1.amazonaws.com"}}
        """;
}
