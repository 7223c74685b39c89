using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>Sorts S3 errors into what to do about them.</summary>
public static class S3Errors
{
    public static S3FetchFailure Classify(Exception error) => error switch
    {
        AmazonS3Exception { ErrorCode: "NoSuchKey" } => S3FetchFailure.NotFound,
        AmazonServiceException { StatusCode: HttpStatusCode.NotFound } => S3FetchFailure.NotFound,
        // SSE-KMS objects the role cannot decrypt answer AccessDenied or KMS.* errors with 403.
        AmazonServiceException { ErrorCode: "AccessDenied" or "AllAccessDisabled" or "InvalidObjectState" } => S3FetchFailure.AccessDenied,
        AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } => S3FetchFailure.AccessDenied,
        _ => S3FetchFailure.Transient,
    };

    /// <summary>Errors worth retrying: throttling (SlowDown, 503), 5xx, timeouts and broken streams.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        AmazonServiceException service => (int)service.StatusCode >= 500
                                          || service.StatusCode == HttpStatusCode.TooManyRequests
                                          || service.ErrorCode is "SlowDown" or "Throttling" or "RequestTimeout" or "ThrottlingException",
        IOException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => false,
        _ => false,
    };
}
