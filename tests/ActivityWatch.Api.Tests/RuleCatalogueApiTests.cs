using System.Net;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Tests;

/// <summary>/api/rules: ATT&amp;CK ids, tactics, source and state; enabling and disabling is an audited admin action.</summary>
public class RuleCatalogueApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Rules_CarryAttackSourceAndState_AndAnAdminCanDisableOne()
    {
        using var viewer = server.Client(AnalystRoles.Viewer);
        var rules = (await viewer.GetJsonAsync("/api/rules")).EnumerateArray().ToList();
        var key = rules.Single(r => r.GetProperty("id").GetString() == "root.access-key-created");
        Assert.Equal(["T1098.001"], key.GetProperty("attack").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("persistence", key.GetProperty("tactics").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("built-in", key.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("nextSteps").GetString()));

        using var forbidden = await viewer.PostAsync("/api/rules/iam.user-created/disable", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var admin = server.Client(AnalystRoles.Admin);
        using var disabled = await admin.PostAsync("/api/rules/iam.user-created/disable", null);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        var after = (await viewer.GetJsonAsync("/api/rules")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iam.user-created");
        Assert.False(after.GetProperty("enabled").GetBoolean());
        using var enabled = await admin.PostAsync("/api/rules/iam.user-created/enable", null);
        Assert.Equal(HttpStatusCode.NoContent, enabled.StatusCode);
        using var unknown = await admin.PostAsync("/api/rules/no.such-rule/disable", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var audit = await admin.GetJsonAsync("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "rule.disable" && e.GetProperty("target").GetString() == "rule/iam.user-created");
    }
}
