namespace ActivityWatch.Simulation.Rendering;

/// <summary>The resource a call acts on, resolved before rendering so the CloudTrail data event and
/// the S3 access log line of one request name the same bucket, key and request id.</summary>
internal sealed class CallTarget
{
    public string? Name { get; set; }

    public string? Arn { get; set; }

    public SimulatedBucket? Bucket { get; set; }

    public string? Key { get; set; }

    public string? UserName { get; set; }

    public string? PolicyArn { get; set; }

    public SimulatedRole? Role { get; set; }

    public string? SessionName { get; set; }

    /// <summary>The new temporary key an AssumeRole hands out, so later calls can carry it.</summary>
    public string? IssuedAccessKeyId { get; set; }

    public long Bytes { get; set; }

    public string? RequestId { get; set; }

    public string? HostId { get; set; }
}
