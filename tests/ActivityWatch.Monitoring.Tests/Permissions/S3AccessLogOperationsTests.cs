using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class S3AccessLogOperationsTests
{
    private static readonly ActionCatalog Catalog = BuiltInCatalog.Create();

    public static TheoryData<string> DocumentedOperations() => new(S3AccessLogOperations.Documented.Select(o => o.Name));

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void EveryDocumentedOperation_MapsToCataloguedActionsWithAKnownLevel_OrNeedsNoPermission(string operation)
    {
        foreach (var (key, versioned) in new[] { ("-", false), ("photos/2026/cat.jpg", false), ("photos/2026/cat.jpg", true) })
        {
            var mapping = S3AccessLogOperations.Map(operation, key, versioned);

            Assert.NotEqual(MappingKind.Unknown, mapping.Kind);
            if (mapping.Kind == MappingKind.NoPermission)
            {
                Assert.Empty(mapping.Actions);
                continue;
            }
            Assert.NotEmpty(mapping.Actions);
            Assert.All(mapping.Actions, action =>
            {
                Assert.StartsWith("s3:", action);
                Assert.DoesNotContain(".", action);
                Assert.True(Catalog.Contains(action), $"{operation} maps to {action}, which the action catalogue does not list");
                Assert.False(Catalog.Describe(action).Heuristic);
            });
        }
    }

    [Theory]
    [InlineData("REST.GET.BUCKETPOLICY", "-", false, "s3:GetBucketPolicy", "Read")]
    [InlineData("REST.PUT.BUCKETPOLICY", "-", false, "s3:PutBucketPolicy", "Permissions management")]
    [InlineData("REST.GET.ACL", "-", false, "s3:GetBucketAcl", "Read")]
    [InlineData("REST.GET.ACL", "a.jpg", false, "s3:GetObjectAcl", "Read")]
    [InlineData("REST.GET.ACL", "a.jpg", true, "s3:GetObjectVersionAcl", "Read")]
    [InlineData("REST.PUT.ACL", "-", false, "s3:PutBucketAcl", "Permissions management")]
    [InlineData("REST.PUT.ACL", "a.jpg", false, "s3:PutObjectAcl", "Permissions management")]
    [InlineData("REST.PUT.OBJECT", "a.jpg", false, "s3:PutObject", "Write")]
    [InlineData("REST.GET.OBJECT", "a.jpg", false, "s3:GetObject", "Read")]
    [InlineData("REST.GET.OBJECT", "a.jpg", true, "s3:GetObjectVersion", "Read")]
    [InlineData("REST.HEAD.OBJECT", "a.jpg", false, "s3:GetObject", "Read")]
    [InlineData("REST.DELETE.OBJECT", "a.jpg", true, "s3:DeleteObjectVersion", "Write")]
    [InlineData("BATCH.DELETE.OBJECT", "a.jpg", false, "s3:DeleteObject", "Write")]
    [InlineData("REST.POST.MULTI_OBJECT_DELETE", "-", false, "s3:DeleteObject", "Write")]
    [InlineData("REST.POST.UPLOADS", "big.bin", false, "s3:PutObject", "Write")]
    [InlineData("REST.PUT.PART", "big.bin", false, "s3:PutObject", "Write")]
    [InlineData("REST.POST.UPLOAD", "big.bin", false, "s3:PutObject", "Write")]
    [InlineData("REST.DELETE.UPLOAD", "big.bin", false, "s3:AbortMultipartUpload", "Write")]
    [InlineData("REST.GET.UPLOADS", "-", false, "s3:ListBucketMultipartUploads", "List")]
    [InlineData("REST.GET.UPLOAD", "big.bin", false, "s3:ListMultipartUploadParts", "List")]
    [InlineData("REST.COPY.OBJECT", "copy.jpg", false, "s3:PutObject", "Write")]
    [InlineData("REST.COPY.OBJECT_GET", "a.jpg", false, "s3:GetObject", "Read")]
    [InlineData("REST.COPY.PART_GET", "a.jpg", false, "s3:GetObject", "Read")]
    [InlineData("REST.GET.TAGGING", "-", false, "s3:GetBucketTagging", "Read")]
    [InlineData("REST.PUT.TAGGING", "-", false, "s3:PutBucketTagging", "Tagging")]
    [InlineData("REST.PUT.OBJECT_TAGGING", "a.jpg", false, "s3:PutObjectTagging", "Tagging")]
    [InlineData("REST.DELETE.OBJECT_TAGGING", "a.jpg", true, "s3:DeleteObjectVersionTagging", "Tagging")]
    [InlineData("REST.GET.BUCKETVERSIONS", "-", false, "s3:ListBucketVersions", "List")]
    [InlineData("REST.GET.BUCKET", "-", false, "s3:ListBucket", "List")]
    [InlineData("REST.GET.SERVICE", "-", false, "s3:ListAllMyBuckets", "List")]
    [InlineData("REST.DELETE.LIFECYCLE", "-", false, "s3:PutLifecycleConfiguration", "Write")]
    [InlineData("REST.PUT.REPLICATION", "-", false, "s3:PutReplicationConfiguration", "Write")]
    [InlineData("WEBSITE.GET.OBJECT", "index.html", false, "s3:GetObject", "Read")]
    [InlineData("SOAP.SetBucketAccessControlPolicy", "-", false, "s3:PutBucketAcl", "Permissions management")]
    public void Operation_MapsToTheActionThatAuthorisedIt_WithItsAccessLevel(string operation, string key, bool versioned, string action, string level)
    {
        var mapping = S3AccessLogOperations.Map(operation, key, versioned);

        Assert.Equal([action], mapping.Actions);
        Assert.Equal(level, AccessLevels.Name(Catalog.Describe(action).Level));
    }

    [Theory]
    [InlineData("S3.EXPIRE.OBJECT")]
    [InlineData("S3.CREATE.DELETEMARKER")]
    [InlineData("S3.TRANSITION_GDA.OBJECT")]
    [InlineData("REST.OPTIONS.PREFLIGHT")]
    public void LifecycleAndPreflight_NeedNoPermission(string operation) =>
        Assert.Equal(MappingKind.NoPermission, S3AccessLogOperations.Map(operation, "x").Kind);

    [Theory]
    [InlineData("REST.GET.SOMETHINGNEW")]
    [InlineData("S3.REPLICATE.SOMETHING")]
    [InlineData("REST.POST.BUCKET")]
    [InlineData("")]
    public void OperationNotInTheTable_IsUnknown_AndNeverAnAction(string operation)
    {
        var mapping = S3AccessLogOperations.Map(operation, "x");

        Assert.Equal(MappingKind.Unknown, mapping.Kind);
        Assert.Empty(mapping.Actions);
    }

    [Theory]
    [InlineData("""owner b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::1:user/a 3E57 REST.GET.OBJECT a.jpg "GET /b/a.jpg?versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY HTTP/1.1" 200 -""", true)]
    [InlineData("""owner b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::1:user/a 3E57 REST.GET.OBJECT a.jpg "GET /b/a.jpg?partNumber=1&versionId=x HTTP/1.1" 200 -""", true)]
    [InlineData("""owner b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::1:user/a 3E57 REST.GET.OBJECT a.jpg "GET /b/a.jpg HTTP/1.1" 200 - "https://x/?versionId=1" "-" """, false)]
    [InlineData("""owner b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::1:user/a 3E57 REST.GET.OBJECT versionId%3D1 "GET /b/versionId%3D1 HTTP/1.1" 200 -""", false)]
    [InlineData("""owner b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::1:user/a 3E57 REST.GET.OBJECT a.jpg "GET /b/a.jpg?versionId= HTTP/1.1""", false)]
    [InlineData("no quote at all", false)]
    [InlineData(null, false)]
    public void VersionId_IsReadFromTheRequestUriOnly(string? line, bool versioned) =>
        Assert.Equal(versioned, AccessLogRequestUri.HasVersionId(line));

    [Fact]
    public void AccessLogRecord_WithAVersionId_MapsToTheVersionAction()
    {
        var record = Activity.S3Access("arn:aws:iam::123456789012:role/app", "REST.GET.OBJECT", "media", "a.jpg") with
        {
            RawLine = """owner media [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:sts::123456789012:assumed-role/app/s 3E57 REST.GET.OBJECT a.jpg "GET /media/a.jpg?versionId=abc HTTP/1.1" 200 -""",
        };

        Assert.Equal(["s3:GetObjectVersion"], ActionMapper.Default.Map(record).Actions);
        Assert.Equal(["s3:GetObject"], ActionMapper.Default.Map(record with { RawLine = null }).Actions);
    }
}
