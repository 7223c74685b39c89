using System.IO.Compression;
using System.Text;

namespace ActivityWatch.Ingestion.Tests.Aws;

/// <summary>Log objects in the layouts AWS delivers: gzip CloudTrail delivery files, digests, access log lines, keys.</summary>
public static class TestLogs
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>AWSLogs/[org/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_unique.json.gz</summary>
    public static string TrailKey(string account, string region, DateTimeOffset time, string unique, string? org = null, string prefix = "") =>
        $"{prefix}AWSLogs/{(org is null ? "" : org + "/")}{account}/CloudTrail/{region}/{time:yyyy'/'MM'/'dd}/{account}_CloudTrail_{region}_{time:yyyyMMdd'T'HHmm}Z_{unique}.json.gz";

    public static string DigestKey(string account, string region, DateTimeOffset time, string? org = null) =>
        $"AWSLogs/{(org is null ? "" : org + "/")}{account}/CloudTrail-Digest/{region}/{time:yyyy'/'MM'/'dd}/{account}_CloudTrail-Digest_{region}_trail_{region}_{time:yyyyMMdd'T'HHmmss}Z.json.gz";

    /// <summary>A gzip CloudTrail delivery file of <paramref name="count"/> records whose eventIDs start with <paramref name="idPrefix"/>.</summary>
    public static byte[] TrailFile(string account, string region, DateTimeOffset time, int count, string idPrefix) =>
        Gzip("{\"Records\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => Record(account, region, time.AddSeconds(i), $"{idPrefix}-{i:D6}"))) + "]}");

    public static string Record(string account, string region, DateTimeOffset time, string eventId, string eventName = "GetObject") => $$"""
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::{{account}}:user/alice","accountId":"{{account}}","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"alice"},"eventTime":"{{time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"s3.amazonaws.com","eventName":"{{eventName}}","awsRegion":"{{region}}","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.0","requestParameters":{"bucketName":"data","key":"report.csv"},"responseElements":null,"requestID":"REQ{{eventId}}","eventID":"{{eventId}}","readOnly":true,"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"{{account}}","eventCategory":"Data"}
        """;

    /// <summary>A starting CloudTrail digest file listing no log files (CloudTrail log file integrity validation): never records.</summary>
    public static byte[] DigestFile(string bucket, string key) => Gzip($$"""
        {"awsAccountId":"{{key.Split('/')[^7]}}","digestStartTime":"2026-11-02T08:00:00Z","digestEndTime":"2026-11-02T09:00:00Z","digestS3Bucket":"{{bucket}}","digestS3Object":"{{key}}","digestPublicKeyFingerprint":"abc","digestSignatureAlgorithm":"SHA256withRSA","newestEventTime":null,"oldestEventTime":null,"previousDigestS3Bucket":null,"previousDigestS3Object":null,"previousDigestHashValue":null,"previousDigestHashAlgorithm":null,"previousDigestSignature":null,"logFiles":[]}
        """);

    /// <summary>S3 server access log lines (documented field order), one request per line.</summary>
    public static byte[] AccessLog(string bucket, DateTimeOffset time, int count, string requestPrefix)
    {
        var lines = Enumerable.Range(0, count).Select(i =>
            $"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be {bucket} [{time.AddSeconds(i):dd/MMM/yyyy:HH:mm:ss} +0000] 192.0.2.3 " +
            $"arn:aws:iam::111122223333:user/bob {requestPrefix}{i:D6} REST.GET.OBJECT photos/{i}.jpg \"GET /{bucket}/photos/{i}.jpg HTTP/1.1\" 200 - 2662992 3462992 70 10 \"-\" " +
            $"\"aws-sdk-java/1.12\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader {bucket}.s3.us-east-1.amazonaws.com TLSv1.2 - -");
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
