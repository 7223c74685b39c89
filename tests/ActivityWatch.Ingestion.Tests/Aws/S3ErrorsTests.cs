using System.Net;
using ActivityWatch.Ingestion.Aws.S3;
using Amazon.Runtime;
using Amazon.S3;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class S3ErrorsTests
{
    private static AmazonS3Exception Error(string code, HttpStatusCode status) =>
        new("message", ErrorType.Sender, code, "request", status);

    [Fact]
    public void AccessDenied_IsNotRetried()
    {
        var error = Error("AccessDenied", HttpStatusCode.Forbidden);

        Assert.Equal(S3FetchFailure.AccessDenied, S3Errors.Classify(error));
        Assert.False(S3Errors.IsTransient(error));
    }

    [Fact]
    public void KmsDenied_IsAccessDenied()
    {
        Assert.Equal(S3FetchFailure.AccessDenied, S3Errors.Classify(Error("KMS.AccessDeniedException", HttpStatusCode.Forbidden)));
    }

    [Fact]
    public void NoSuchKey_IsNotFound()
    {
        Assert.Equal(S3FetchFailure.NotFound, S3Errors.Classify(Error("NoSuchKey", HttpStatusCode.NotFound)));
    }

    [Theory]
    [InlineData("SlowDown", HttpStatusCode.ServiceUnavailable)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError)]
    [InlineData("RequestTimeout", HttpStatusCode.BadRequest)]
    public void ThrottlingAnd5xx_AreRetried(string code, HttpStatusCode status)
    {
        Assert.True(S3Errors.IsTransient(Error(code, status)));
        Assert.Equal(S3FetchFailure.Transient, S3Errors.Classify(Error(code, status)));
    }
}
