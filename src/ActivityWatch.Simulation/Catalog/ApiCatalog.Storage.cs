using System.Text.Json;

namespace ActivityWatch.Simulation.Catalog;

/// <summary>The S3 calls. Bucket-level calls are management events; object-level calls are data
/// events (eventCategory "Data"), logged by the trail only for buckets whose data events it selects.</summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall ListBuckets = new("s3", "ListBuckets", true)
    {
        Request = (j, _) => j.WriteString("Host", "s3.amazonaws.com"),
        EventVersion = "1.10",
    };

    public static readonly ApiCall GetBucketLocation = Bucket("GetBucketLocation", "REST.GET.LOCATION", "location");
    public static readonly ApiCall GetBucketPolicy = Bucket("GetBucketPolicy", "REST.GET.BUCKETPOLICY", "policy");
    public static readonly ApiCall GetBucketAcl = Bucket("GetBucketAcl", "REST.GET.ACL", "acl");
    public static readonly ApiCall GetBucketVersioning = Bucket("GetBucketVersioning", "REST.GET.VERSIONING", "versioning");

    public static readonly ApiCall PutBucketPolicy = new("s3", "PutBucketPolicy", false, TargetKind.Bucket)
    {
        S3Operation = "REST.PUT.BUCKETPOLICY",
        EventVersion = "1.10",
        // CloudTrail logs the policy document as a JSON string inside requestParameters.
        Request = (j, c) =>
        {
            var bucket = c.Target.Bucket!.Name;
            j.WriteString("bucketName", bucket);
            j.WriteString("Host", $"{bucket}.s3.{c.Region}.amazonaws.com");
            j.WriteString("policy", $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{{{bucket}}}}","arn:aws:s3:::{{{{bucket}}}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""");
        },
    };

    public static readonly ApiCall ListObjects = new("s3", "ListObjects", true, TargetKind.Bucket)
    {
        DataEvent = true,
        S3Operation = "REST.GET.BUCKET",
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteString("bucketName", c.Target.Bucket!.Name);
            j.WriteString("Host", $"{c.Target.Bucket.Name}.s3.{c.Region}.amazonaws.com");
            j.WriteString("prefix", c.Target.Bucket.Prefixes[0]);
            j.WriteString("list-type", "2");
        },
    };

    public static readonly ApiCall GetObject = Object("GetObject", "REST.GET.OBJECT", readOnly: true);
    public static readonly ApiCall HeadObject = Object("HeadObject", "REST.HEAD.OBJECT", readOnly: true);
    public static readonly ApiCall PutObject = Object("PutObject", "REST.PUT.OBJECT", readOnly: false);
    public static readonly ApiCall DeleteObjects = Object("DeleteObjects", "BATCH.DELETE.OBJECT", readOnly: false);

    private static ApiCall Bucket(string name, string operation, string subresource) => new("s3", name, true, TargetKind.Bucket)
    {
        S3Operation = operation,
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteString("bucketName", c.Target.Bucket!.Name);
            j.WriteString("Host", $"{c.Target.Bucket.Name}.s3.{c.Region}.amazonaws.com");
            j.WriteString(subresource, "");
        },
    };

    private static ApiCall Object(string name, string operation, bool readOnly) => new("s3", name, readOnly, TargetKind.Object)
    {
        DataEvent = true,
        S3Operation = operation,
        EventVersion = "1.10",
        Request = (j, c) =>
        {
            j.WriteString("bucketName", c.Target.Bucket!.Name);
            j.WriteString("Host", $"{c.Target.Bucket.Name}.s3.{c.Region}.amazonaws.com");
            j.WriteString("key", c.Target.Key);
        },
        AdditionalData = (j, c) =>
        {
            j.WriteString("SignatureVersion", "SigV4");
            j.WriteString("CipherSuite", "TLS_AES_128_GCM_SHA256");
            j.WriteNumber("bytesTransferredIn", readOnly ? 0 : c.Target.Bytes);
            j.WriteString("AuthenticationMethod", "AuthHeader");
            j.WriteString("x-amz-id-2", c.Target.HostId);
            j.WriteNumber("bytesTransferredOut", readOnly && name == "GetObject" ? c.Target.Bytes : 0);
        },
    };

    internal static void WriteS3Resources(Utf8JsonWriter j, RenderContext c)
    {
        var bucket = c.Target.Bucket!;
        if (c.Call.Api.Target == TargetKind.Object)
        {
            j.WriteStartObject();
            j.WriteString("type", "AWS::S3::Object");
            j.WriteString("ARN", $"{bucket.Arn}/{c.Target.Key}");
            j.WriteEndObject();
        }

        j.WriteStartObject();
        j.WriteString("accountId", bucket.AccountId);
        j.WriteString("type", "AWS::S3::Bucket");
        j.WriteString("ARN", bucket.Arn);
        j.WriteEndObject();
    }
}
