using ActivityWatch.Monitoring.Permissions.Actions;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class ActionMapperTests
{
    [Theory]
    [InlineData("s3.amazonaws.com", "ListBuckets", "s3:ListAllMyBuckets")]
    [InlineData("s3.amazonaws.com", "HeadObject", "s3:GetObject")]
    [InlineData("s3.amazonaws.com", "HeadBucket", "s3:ListBucket")]
    [InlineData("s3.amazonaws.com", "ListObjectsV2", "s3:ListBucket")]
    [InlineData("s3.amazonaws.com", "GetObject", "s3:GetObject")]
    [InlineData("s3.amazonaws.com", "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus")]
    [InlineData("s3.amazonaws.com", "GetBucketEncryption", "s3:GetEncryptionConfiguration")]
    [InlineData("s3.amazonaws.com", "DeleteBucketLifecycle", "s3:PutLifecycleConfiguration")]
    [InlineData("lambda.amazonaws.com", "Invoke", "lambda:InvokeFunction")]
    [InlineData("lambda.amazonaws.com", "CreateFunction20150331", "lambda:CreateFunction")]
    [InlineData("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "lambda:UpdateFunctionCode")]
    [InlineData("cloudfront.amazonaws.com", "GetDistribution2020_05_31", "cloudfront:GetDistribution")]
    [InlineData("monitoring.amazonaws.com", "GetMetricData", "cloudwatch:GetMetricData")]
    [InlineData("email.amazonaws.com", "SendEmail", "ses:SendEmail")]
    [InlineData("tagging.amazonaws.com", "GetResources", "tag:GetResources")]
    [InlineData("sts.amazonaws.com", "AssumeRole", "sts:AssumeRole")]
    [InlineData("apigateway.amazonaws.com", "GetRestApis", "apigateway:GET")]
    [InlineData("kms.amazonaws.com", "Decrypt", "kms:Decrypt")]
    public void CloudTrailEvent_MapsToItsIamAction(string eventSource, string eventName, string action)
    {
        var mapping = ActionMapper.Default.Map(eventSource, eventName);

        Assert.Equal(MappingKind.Action, mapping.Kind);
        Assert.Equal([action], mapping.Actions);
    }

    [Fact]
    public void CopyObject_NeedsReadOnTheSourceAndWriteOnTheTarget()
    {
        Assert.Equal(["s3:GetObject", "s3:PutObject"], ActionMapper.Default.Map("s3.amazonaws.com", "CopyObject").Actions);
    }

    [Theory]
    [InlineData("signin.amazonaws.com", "ConsoleLogin")]
    [InlineData("sts.amazonaws.com", "GetCallerIdentity")]
    [InlineData("sts.amazonaws.com", "AssumeRoleWithSAML")]
    [InlineData("sts.amazonaws.com", "AssumeRoleWithWebIdentity")]
    public void AuthenticationEvents_NeedNoPermission(string eventSource, string eventName)
    {
        Assert.Equal(MappingKind.NoPermission, ActionMapper.Default.Map(eventSource, eventName).Kind);
    }

    [Theory]
    [InlineData("madeup.amazonaws.com", "DoThing")]
    [InlineData("example.com", "GetThing")]
    [InlineData(null, "GetThing")]
    public void UnknownEventSource_IsUnknownNotGuessed(string? eventSource, string eventName)
    {
        var mapping = ActionMapper.Default.Map(eventSource, eventName);

        Assert.Equal(MappingKind.Unknown, mapping.Kind);
        Assert.Empty(mapping.Actions);
    }

    [Fact]
    public void EventSourceKnownOnlyToTheCatalogue_MapsWhenTheCatalogueListsIt()
    {
        var mapper = new ActionMapper(service => service == "workspaces");

        Assert.Equal(["workspaces:RebootWorkspaces"], mapper.Map("workspaces.amazonaws.com", "RebootWorkspaces").Actions);
    }

    [Fact]
    public void AwsServiceEvent_NeedsNoPermission()
    {
        var record = Activity.Call("arn:aws:iam::123456789012:role/x", "ec2.amazonaws.com", "SharedSnapshotCopyInitiated") with { EventType = "AwsServiceEvent" };

        Assert.Equal(MappingKind.NoPermission, ActionMapper.Default.Map(record).Kind);
    }

    [Theory]
    [InlineData("REST.GET.OBJECT", "photo.jpg", "s3:GetObject")]
    [InlineData("REST.HEAD.OBJECT", "photo.jpg", "s3:GetObject")]
    [InlineData("REST.PUT.OBJECT", "photo.jpg", "s3:PutObject")]
    [InlineData("REST.POST.UPLOADS", "big.bin", "s3:PutObject")]
    [InlineData("REST.DELETE.OBJECT", "photo.jpg", "s3:DeleteObject")]
    [InlineData("BATCH.DELETE.OBJECT", "photo.jpg", "s3:DeleteObject")]
    [InlineData("REST.COPY.OBJECT", "copy.jpg", "s3:PutObject")]
    [InlineData("REST.COPY.OBJECT_GET", "photo.jpg", "s3:GetObject")]
    [InlineData("REST.GET.BUCKET", "-", "s3:ListBucket")]
    [InlineData("REST.GET.ACL", "photo.jpg", "s3:GetObjectAcl")]
    [InlineData("REST.GET.ACL", "-", "s3:GetBucketAcl")]
    [InlineData("REST.PUT.ACL", null, "s3:PutBucketAcl")]
    public void S3AccessLogOperation_MapsToItsIamAction(string operation, string? key, string action)
    {
        var record = Activity.S3Access("arn:aws:iam::123456789012:role/app", operation, "media", key);

        Assert.Equal([action], ActionMapper.Default.Map(record).Actions);
    }

    [Fact]
    public void S3LifecycleOperation_NeedsNoPermissionAndUnlistedOperationIsUnknown()
    {
        Assert.Equal(MappingKind.NoPermission, S3AccessLogOperations.Map("S3.EXPIRE.OBJECT", "old.log").Kind);
        Assert.Equal(MappingKind.Unknown, S3AccessLogOperations.Map("REST.GET.SOMETHINGNEW", null).Kind);
    }
}
