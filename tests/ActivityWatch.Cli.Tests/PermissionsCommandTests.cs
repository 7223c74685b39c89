using System.Text.Json;
using System.Text.Json.Nodes;
using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests;

public sealed class PermissionsCommandTests : IAsyncLifetime
{
    private const string Alice = "arn:aws:iam::123456789012:user/alice";
    private TestHost _host = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-permissions-");

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(nameof(PermissionsCommandTests));
        var recent = DateTimeOffset.UtcNow.AddDays(-3);
        var trail = Path.Combine(_dir.FullName, "trail.json");
        await File.WriteAllTextAsync(trail, "{\"Records\":[" + string.Join(",",
            CloudTrailRecords.IamUserCall("ListBuckets", time: recent),
            CloudTrailRecords.IamUserCall("GetObject", time: recent.AddMinutes(1),
                requestParameters: new JsonObject { ["bucketName"] = "media", ["key"] = "a.jpg" }),
            CloudTrailRecords.IamUserCall("GetCallerIdentity", eventSource: "sts.amazonaws.com", time: recent.AddMinutes(2))) + "]}");
        var (exitCode, _, error) = await CliRun.RunAsync(_host, "ingest", trail);
        Assert.True(exitCode == 0, error);
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "iam.json"), Authorization);
        (exitCode, _, error) = await CliRun.RunAsync(_host, "permissions", "import", Path.Combine(_dir.FullName, "iam.json"),
            "--captured-at", DateTimeOffset.UtcNow.AddDays(-30).ToString("O"));
        Assert.True(exitCode == 0, error);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Report_Json_ShowsGrantedActionsUsedOrUnusedByServiceAndLevel()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "report", "--principal", Alice, "--format", "json");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        var s3 = report.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "s3");
        var actions = s3.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("actions").EnumerateArray()).ToList();
        Assert.True(actions.Single(a => a.GetProperty("action").GetString() == "s3:ListAllMyBuckets").GetProperty("used").GetBoolean());
        Assert.False(actions.Single(a => a.GetProperty("action").GetString() == "s3:PutObject").GetProperty("used").GetBoolean());
        Assert.Contains("kms", report.GetProperty("unusedServices").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Unused_Json_HasAccessAnalyzerFindingShape()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "unused", "--format", "json");

        Assert.Equal(0, exitCode);
        var findings = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var kms = findings.Single(f => f.GetProperty("resource").GetString() == Alice
            && f.GetProperty("findingDetails")[0].TryGetProperty("unusedPermissionDetails", out var d) && d.GetProperty("serviceNamespace").GetString() == "kms");
        Assert.Equal("UnusedPermission", kms.GetProperty("findingType").GetString());
        Assert.Equal("AWS::IAM::User", kms.GetProperty("resourceType").GetString());
        Assert.Equal("ACTIVE", kms.GetProperty("status").GetString());
        Assert.Contains(findings, f => f.GetProperty("findingType").GetString() == "UnusedIAMRole");
    }

    [Fact]
    public async Task Policy_PrintsOneDocumentAllowingWhatWasUsed()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "policy", "--principal", Alice);

        Assert.Equal(0, exitCode);
        var policy = JsonNode.Parse(output)!;
        Assert.Equal("2012-10-17", policy["Version"]!.GetValue<string>());
        var statements = policy["Statement"]!.AsArray();
        var actions = statements.SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())).Order().ToArray();
        Assert.Equal(["s3:GetObject", "s3:ListAllMyBuckets"], actions);
        Assert.Contains(statements, s => s!["Resource"]!.ToJsonString() == "\"arn:aws:s3:::media/*\"");
    }

    [Fact]
    public async Task Report_WithCatalogFile_UsesItsAccessLevels()
    {
        var catalog = Path.Combine(_dir.FullName, "s3.json");
        await File.WriteAllTextAsync(catalog, """
            {"Name":"s3","Actions":[
              {"Name":"ListAllMyBuckets","Annotations":{"Properties":{"IsList":true}}},
              {"Name":"GetObject","Annotations":{"Properties":{"IsList":false}}},
              {"Name":"NewThing","Annotations":{"Properties":{"IsWrite":true}}}]}
            """);

        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "report", "--principal", Alice, "--catalog", catalog);

        Assert.Equal(0, exitCode);
        Assert.Contains("s3:NewThing", output);
        Assert.DoesNotContain("s3:PutBucketPolicy", output);
    }

    [Fact]
    public async Task Hygiene_Table_NoFindings_SaysWhatWasChecked()
    {
        // Alice's key was used three days ago and is young: nothing to report, and the table says so.
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "hygiene");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("no credential hygiene findings: no old, unused, shared or root keys or passwords", output);
    }

    private const string Authorization = """
        {
          "UserDetailList": [{"UserName": "alice", "Arn": "arn:aws:iam::123456789012:user/alice", "CreateDate": "2025-01-01T00:00:00Z",
            "GroupList": [], "UserPolicyList": [],
            "AttachedManagedPolicies": [{"PolicyName": "Work", "PolicyArn": "arn:aws:iam::123456789012:policy/Work"}]}],
          "GroupDetailList": [],
          "RoleDetailList": [{"RoleName": "Idle", "Arn": "arn:aws:iam::123456789012:role/Idle", "CreateDate": "2025-01-01T00:00:00Z",
            "AssumeRolePolicyDocument": "%7B%22Statement%22%3A%5B%5D%7D", "RolePolicyList": [{"PolicyName": "x", "PolicyDocument": {"Statement": {"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}}}],
            "AttachedManagedPolicies": []}],
          "Policies": [{"PolicyName": "Work", "Arn": "arn:aws:iam::123456789012:policy/Work", "DefaultVersionId": "v1",
            "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "kms:Decrypt"], "Resource": "*"}]}}]}]
        }
        """;
}
