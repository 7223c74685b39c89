using System.Text;
using ActivityWatch.Ingestion.Parsing.Digests;
using ActivityWatch.Monitoring.Integrity;

namespace ActivityWatch.Ingestion.Tests.Parsing;

/// <summary>Digest files are read as AWS documents them, and any other shape is a problem, never an exception.</summary>
public sealed class DigestFileParserTests
{
    // The example of the AWS CloudTrail User Guide, "CloudTrail digest file structure".
    private const string Documented = """
        {
          "awsAccountId": "111122223333",
          "digestStartTime": "2015-08-17T14:01:31Z",
          "digestEndTime": "2015-08-17T15:01:31Z",
          "digestS3Bucket": "S3-bucket-name",
          "digestS3Object": "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz",
          "digestPublicKeyFingerprint": "31e8b5433410dfb61a9dc45cc65b22ff",
          "digestSignatureAlgorithm": "SHA256withRSA",
          "newestEventTime": "2015-08-17T14:52:27Z",
          "oldestEventTime": "2015-08-17T14:42:27Z",
          "previousDigestS3Bucket": "S3-bucket-name",
          "previousDigestS3Object": "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T140131Z.json.gz",
          "previousDigestHashValue": "97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d",
          "previousDigestHashAlgorithm": "SHA-256",
          "previousDigestSignature": "50887ccffad4c002b97caa37cc9dc626e3c680207d41d27fa5835458e066e0d3652fc4dfc30937e4d5f4cc7f796e7a258fb50a43ac427f2237f6e505d4efaf373d",
          "logFiles": [
            {
              "s3Bucket": "S3-bucket-name",
              "s3Object": "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz",
              "hashValue": "9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6",
              "hashAlgorithm": "SHA-256",
              "newestEventTime": "2015-08-17T14:52:27Z",
              "oldestEventTime": "2015-08-17T14:42:27Z"
            }
          ]
        }
        """;

    private static DigestRead Parse(string json)
    {
        var digest = new DigestRead();
        DigestFileParser.Parse(Encoding.UTF8.GetBytes(json), digest);
        return digest;
    }

    [Fact]
    public void DocumentedExample_IsReadWithEveryField()
    {
        var digest = Parse(Documented);

        Assert.Null(digest.Problem);
        Assert.Equal("111122223333", digest.AwsAccountId);
        Assert.Equal("2015-08-17T15:01:31Z", digest.DigestEndTime);
        Assert.Equal("S3-bucket-name", digest.DigestS3Bucket);
        Assert.EndsWith("_20150817T150131Z.json.gz", digest.DigestS3Object);
        Assert.Equal("97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d", digest.PreviousDigestHashValue);
        Assert.StartsWith("50887ccf", digest.PreviousDigestSignature);
        var file = Assert.Single(digest.LogFiles);
        Assert.Equal("9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6", file.HashValue);
        Assert.EndsWith("_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz", file.S3Object);
    }

    [Fact]
    public void StartingDigest_WithNullPreviousFields_IsRead()
    {
        var digest = Parse(Documented
            .Replace("\"S3-bucket-name\",\n  \"previousDigestS3Object\"", "null,\n  \"previousDigestS3Object\"")
            .Replace("\"previousDigestHashValue\": \"97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d\"", "\"previousDigestHashValue\": null")
            .Replace("\"previousDigestHashAlgorithm\": \"SHA-256\"", "\"previousDigestHashAlgorithm\": null"));

        Assert.Null(digest.Problem);
        Assert.Null(digest.PreviousDigestHashValue);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("{\"logFiles\":", "not JSON")]
    [InlineData("[1,2,3]", "not an object")]
    [InlineData("\"a string\"", "not an object")]
    [InlineData("{}", "awsAccountId is missing")]
    [InlineData("{\"awsAccountId\":111122223333}", "awsAccountId is missing or not a string")]
    public void AnyOtherShape_IsAProblem_NeverAnException(string json, string problem)
    {
        var digest = Parse(json);

        Assert.Contains(problem, digest.Problem);
        Assert.Null(digest.AwsAccountId);
        Assert.Empty(digest.LogFiles);
    }

    [Theory]
    [InlineData("\"logFiles\": [", "\"logFiles\": 7, \"x\": [", "logFiles is missing or not an array")]
    [InlineData("\"hashValue\": \"9bb6", "\"hashValue\": \"zz\", \"h\": \"9bb6", "logFiles[0].hashValue is not a hex SHA-256")]
    [InlineData("\"hashAlgorithm\": \"SHA-256\",\n", "\"hashAlgorithm\": \"MD5\",\n", "logFiles[0].hashAlgorithm is not SHA-256")]
    [InlineData("\"digestEndTime\": \"2015-08-17T15:01:31Z\"", "\"digestEndTime\": \"whenever\"", "not an ISO 8601 time")]
    [InlineData("\"previousDigestSignature\": \"5", "\"previousDigestSignature\": {\"x\":1}, \"y\": \"5", "previousDigestSignature is a JSON object")]
    [InlineData("\"s3Object\": \"AWSLogs", "\"s3Object\": [\"AWSLogs\"], \"z\": \"AWSLogs", "logFiles[0] has no s3Bucket or s3Object string")]
    public void DocumentedExample_WithAFieldOfTheWrongShape_IsAProblem_AndKeepsNoField(string field, string replacement, string problem)
    {
        var digest = Parse(Documented.Replace(field, replacement));

        Assert.Contains(problem, digest.Problem);
        Assert.Null(digest.DigestS3Object);
        Assert.Empty(digest.LogFiles);
    }

    [Theory]
    [InlineData("\"digestS3Bucket\": \"S3-bucket-name\"", "\"digestS3Bucket\": \"S3-bucket\\u0000name\"", "digestS3Bucket is not what AWS writes there")]
    [InlineData("\"s3Object\": \"AWSLogs", "\"s3Object\": \"\\ud800AWSLogs", "logFiles[0] has no s3Bucket or s3Object string")]
    [InlineData("\"digestPublicKeyFingerprint\": \"31e8", "\"digestPublicKeyFingerprint\": \"\\udfff31e8", "digestPublicKeyFingerprint is not valid text")]
    [InlineData("\"awsAccountId\": \"111122223333\"", "\"awsAccountId\": \"1111-2222-3333\"", "awsAccountId is not a 12-digit account id")]
    [InlineData("\"previousDigestSignature\": \"5", "\"previousDigestSignature\": \"not hex 5", "previousDigestSignature is not hexadecimal")]
    public void TextPostgreSqlWouldRefuse_OrNoAwsDigestHolds_IsAProblem(string field, string replacement, string problem)
    {
        var digest = Parse(Documented.Replace(field, replacement));

        Assert.Contains(problem, digest.Problem);
        Assert.DoesNotContain('\0', digest.Problem!);
        Assert.Empty(digest.LogFiles);
    }

    [Fact]
    public void KeyLongerThanS3Allows_IsAProblem()
    {
        var digest = Parse(Documented.Replace("\"s3Object\": \"AWSLogs", $"\"s3Object\": \"{new string('k', 1100)}AWSLogs"));

        Assert.Contains("logFiles[0] has an s3Bucket or s3Object that is not", digest.Problem);
    }

    [Fact]
    public void DeepNesting_IsAProblem_NotAStackOverflow()
    {
        var digest = Parse(new string('[', 200_000) + new string(']', 200_000));

        Assert.Contains("not JSON", digest.Problem);
    }
}
