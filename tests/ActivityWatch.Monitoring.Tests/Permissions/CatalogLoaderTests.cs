using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class CatalogLoaderTests
{
    [Fact]
    public void PolicySentryIamDefinition_GivesEachActionItsAccessLevel()
    {
        var catalog = CatalogFileLoader.Load(PermissionFixtures.Path("iam-definition.json"));

        Assert.Equal(AccessLevel.Read, catalog.Describe("s3:GetObject").Level);
        Assert.Equal(AccessLevel.List, catalog.Describe("s3:ListBucket").Level);
        Assert.Equal(AccessLevel.Write, catalog.Describe("s3:PutObject").Level);
        Assert.Equal(AccessLevel.PermissionsManagement, catalog.Describe("s3:PutBucketPolicy").Level);
        Assert.Equal(AccessLevel.Tagging, catalog.Describe("s3:PutObjectTagging").Level);
        Assert.False(catalog.Describe("workspaces:RebootWorkspaces").Heuristic);
    }

    [Fact]
    public void UndocumentedAccessLevel_IsClassifiedByVerbAndFlagged()
    {
        var info = CatalogFileLoader.Load(PermissionFixtures.Path("iam-definition.json")).Describe("workspaces:FutureAction");

        Assert.True(info.Heuristic);
        Assert.Equal(AccessLevel.Write, info.Level);
    }

    [Fact]
    public void IamDatasetArrayForm_IsReadToo()
    {
        var catalog = CatalogFileLoader.Load(PermissionFixtures.Path("iam-dataset.json"));

        Assert.Equal(AccessLevel.Write, catalog.Describe("workspaces:CreateWorkspaces").Level);
        Assert.Equal(["workspaces:CreateWorkspaces", "workspaces:DescribeWorkspaces"], catalog.Expand("workspaces:*").Order().ToArray());
    }

    [Fact]
    public void AwsServiceReference_DerivesLevelsFromAnnotationFlags()
    {
        var catalog = CatalogFileLoader.Load(PermissionFixtures.Path("service-reference-s3.json"));

        Assert.Equal(AccessLevel.Read, catalog.Describe("s3:GetObject").Level);
        Assert.Equal(AccessLevel.List, catalog.Describe("s3:ListBucket").Level);
        Assert.Equal(AccessLevel.Write, catalog.Describe("s3:PutObject").Level);
        // IsWrite is also set on these: the more specific flag wins.
        Assert.Equal(AccessLevel.PermissionsManagement, catalog.Describe("s3:PutBucketPolicy").Level);
        Assert.Equal(AccessLevel.Tagging, catalog.Describe("s3:PutObjectTagging").Level);
        Assert.True(catalog.Describe("s3:GetObjectTorrent").Heuristic);
    }

    [Fact]
    public void CatalogueFile_ReplacesBuiltInServicesItListsAndKeepsTheOthers()
    {
        var catalog = CatalogProvider.Load(PermissionFixtures.Path("iam-definition.json"));

        Assert.Equal(5, catalog.ServiceActions("s3").Count());
        Assert.True(catalog.KnowsService("iam"));
        Assert.True(catalog.KnowsService("workspaces"));
    }

    [Theory]
    [InlineData("DescribeInstances", AccessLevel.List)]
    [InlineData("GetSecretValue", AccessLevel.Read)]
    [InlineData("TagResource", AccessLevel.Tagging)]
    [InlineData("PutBucketPolicy", AccessLevel.PermissionsManagement)]
    [InlineData("AttachRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("RunInstances", AccessLevel.Write)]
    [InlineData("Getaway", AccessLevel.Write)]
    public void VerbHeuristic_ClassifiesUnlistedActions(string action, AccessLevel level)
    {
        Assert.Equal(level, VerbHeuristics.Classify(action));
    }

    [Fact]
    public void ActionMissingFromTheCatalogue_IsDescribedHeuristically()
    {
        var info = BuiltInCatalog.Create().Describe("ec2:DescribeFleets");

        Assert.True(info.Heuristic);
        Assert.Equal(AccessLevel.List, info.Level);
        Assert.False(BuiltInCatalog.Create().Describe("s3:GetObject").Heuristic);
    }
}
