using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ActivityWatch.Api.Tests;

/// <summary>
/// An OIDC issuer configured by authority; the test hands the JWT handler the issuer's signing key
/// directly (as its discovery document would), so no network is involved.
/// </summary>
public sealed class OidcServer : ApiServer
{
    public const string Issuer = "https://login.example.test/tenant";
    public const string Audience = "api://activitywatch";
    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ActivityWatch:Api:Oidc:Authority"] = Issuer;
        settings["ActivityWatch:Api:Oidc:Audience"] = Audience;
        settings["ActivityWatch:Api:Oidc:RoleClaim"] = "groups";
        settings["ActivityWatch:Api:Oidc:RoleMap:SOC-Tier1"] = "responder";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(ApiSchemes.Oidc, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            jwt.Configuration = configuration;
            // JwtBearer's own post-configuration may already have made a manager that would fetch the discovery document.
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public static string Token(string name, params string[] groups)
    {
        var claims = new List<Claim> { new("preferred_username", name), new("sub", Guid.NewGuid().ToString()) };
        claims.AddRange(groups.Select(g => new Claim("groups", g)));
        var token = new JwtSecurityToken(Issuer, Audience, claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10),
            new SigningCredentials(Key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

public class OidcTests(OidcServer server) : IClassFixture<OidcServer>
{
    private HttpClient With(string token)
    {
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Token_WithAMappedGroup_SignsInWithThatRole()
    {
        using var client = With(OidcServer.Token("dana@example.test", "SOC-Tier1"));

        var me = await client.GetJsonAsync("/api/me");

        Assert.Equal("dana@example.test", me.GetProperty("name").GetString());
        Assert.Equal("responder", me.GetProperty("role").GetString());
        Assert.Equal("oidc", me.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Token_WithoutAnActivityWatchRole_IsForbidden()
    {
        using var client = With(OidcServer.Token("eve@example.test", "Marketing"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/timeline")).StatusCode);
    }

    [Fact]
    public async Task Token_SignedByAnotherKey_IsRejected()
    {
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var forged = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(OidcServer.Issuer, OidcServer.Audience,
            [new Claim("groups", "admin")], DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), new SigningCredentials(other, SecurityAlgorithms.RsaSha256)));
        using var client = With(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ApiKeys_StillWork_WhenOidcIsConfigured()
    {
        using var client = server.Client("viewer");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }
}
