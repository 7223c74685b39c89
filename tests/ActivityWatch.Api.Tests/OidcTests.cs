using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
public class OidcServer : ApiServer
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
        settings["ActivityWatch:Api:Oidc:ClockSkew"] = "00:00:00";
        settings["ActivityWatch:Api:LiveRecheckInterval"] = "00:00:01";
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

    public static string Token(string name, params string[] groups) => Mint(Claims(name, groups));

    public static List<Claim> Claims(string name, params string[] groups)
    {
        var claims = new List<Claim> { new("preferred_username", name), new("sub", Guid.NewGuid().ToString()) };
        claims.AddRange(groups.Select(g => new Claim("groups", g)));
        return claims;
    }

    public static string Mint(IEnumerable<Claim> claims, string issuer = Issuer, string audience = Audience,
        DateTime? notBefore = null, DateTime? expires = null, SigningCredentials? signing = null) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(issuer, audience, claims,
            notBefore ?? DateTime.UtcNow.AddMinutes(-1), expires ?? DateTime.UtcNow.AddMinutes(10),
            signing ?? new SigningCredentials(Key, SecurityAlgorithms.RsaSha256)));
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
    public async Task Token_WithAMappedGroup_SignsInWithThatRole_AsItsSubject()
    {
        var claims = OidcServer.Claims("dana@example.test", "SOC-Tier1");
        using var client = With(OidcServer.Mint(claims));

        var me = await client.GetJsonAsync("/api/me");

        Assert.Equal("dana@example.test", me.GetProperty("name").GetString());
        Assert.Equal($"oidc:{claims.Single(c => c.Type == "sub").Value}", me.GetProperty("id").GetString());
        Assert.Equal("responder", me.GetProperty("role").GetString());
        Assert.Equal("oidc", me.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Token_WithoutAnActivityWatchRole_IsForbidden()
    {
        using var client = With(OidcServer.Token("eve@example.test", "Marketing"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/timeline")).StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Admin")]
    [InlineData("viewer")]
    public async Task GroupNamedLikeARole_ButNotInTheRoleMap_GivesNoRole(string group)
    {
        using var client = With(OidcServer.Token("mallory@example.test", group));

        using var keys = await client.PostAsJsonAsync("/api/apikeys", new { name = "backdoor", role = "admin" });
        using var timeline = await client.GetAsync("/api/timeline");

        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, timeline.StatusCode);
    }

    [Fact]
    public async Task ClaimsNamedLikeActivityWatchsOwn_AreIgnored()
    {
        var claims = OidcServer.Claims("mallory@example.test");
        claims.Add(new Claim(ClaimTypes.Role, "admin"));
        claims.Add(new Claim("role", "admin"));
        claims.Add(new Claim(Analyst.MethodClaim, "apikey"));
        claims.Add(new Claim(ClaimTypes.NameIdentifier, "key:00000000-0000-0000-0000-000000000001"));
        using var client = With(OidcServer.Mint(claims));

        using var keys = await client.PostAsJsonAsync("/api/apikeys", new { name = "backdoor", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
    }

    [Theory]
    [InlineData("another audience")]
    [InlineData("another issuer")]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("signed by another key")]
    [InlineData("HMAC with a guessed secret")]
    [InlineData("unsigned (alg none)")]
    [InlineData("no subject")]
    public async Task Token_ThatFailsValidation_IsRejected(string why)
    {
        var claims = OidcServer.Claims("a@example.test", "SOC-Tier1");
        var token = why switch
        {
            "another audience" => OidcServer.Mint(claims, audience: "api://some-other-app"),
            "another issuer" => OidcServer.Mint(claims, issuer: "https://evil.example.test/"),
            "expired" => OidcServer.Mint(claims, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-5)),
            "not yet valid" => OidcServer.Mint(claims, notBefore: DateTime.UtcNow.AddMinutes(30), expires: DateTime.UtcNow.AddHours(1)),
            "signed by another key" => OidcServer.Mint(claims,
                signing: new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256)),
            "HMAC with a guessed secret" => OidcServer.Mint(claims,
                signing: new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" }, SecurityAlgorithms.HmacSha256)),
            "unsigned (alg none)" => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(OidcServer.Issuer, OidcServer.Audience,
                claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10))),
            "no subject" => OidcServer.Mint(claims.Where(c => c.Type != "sub")),
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        using var client = With(token);

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiKeys_StillWork_WhenOidcIsConfigured()
    {
        using var client = server.Client("viewer");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task LiveStream_ClosesWhenTheTokenExpires()
    {
        using var client = With(OidcServer.Mint(OidcServer.Claims("brief@example.test", "SOC-Tier1"), expires: DateTime.UtcNow.AddSeconds(4)));
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var lines = await LiveStreams.ReadToEndAsync(reader, TimeSpan.FromSeconds(60));

        Assert.Equal("event: ready", lines[0]);
        Assert.Contains("event: unauthorized", lines);
    }
}
