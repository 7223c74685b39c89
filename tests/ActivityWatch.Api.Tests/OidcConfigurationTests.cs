using ActivityWatch.Testing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Tests;

/// <summary>The API refuses to start with an OIDC set-up that would accept tokens it should not.</summary>
public class OidcConfigurationTests
{
    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> oidc)
    {
        var schema = TestDatabase.NewSchema("oidc-config");
        var settings = new Dictionary<string, string?>(oidc)
        {
            ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString,
            ["ActivityWatch:Postgres:Schema"] = schema,
            ["ActivityWatch:Projections:Daemon"] = "Disabled",
        };
        try
        {
            await using var app = ApiApplication.Build(["--urls", "http://127.0.0.1:0"], settings);
            return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        }
        finally
        {
            await TestDatabase.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task Authority_WithoutAnAudience_RefusesToStart_SayingWhy()
    {
        var error = await StartFailsAsync(new() { ["ActivityWatch:Api:Oidc:Authority"] = "https://login.example.test/tenant" });

        Assert.Contains("ActivityWatch:Api:Oidc:Audience is required", error.Message);
    }

    [Fact]
    public async Task RoleMap_ToARoleThatDoesNotExist_RefusesToStart()
    {
        var error = await StartFailsAsync(new()
        {
            ["ActivityWatch:Api:Oidc:Authority"] = "https://login.example.test/tenant",
            ["ActivityWatch:Api:Oidc:Audience"] = "api://activitywatch",
            ["ActivityWatch:Api:Oidc:RoleMap:SOC-Leads"] = "superuser",
        });

        Assert.Contains("SOC-Leads=superuser", error.Message);
    }
}
