using System.Net.Http.Headers;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Api.Tests;

/// <summary>The OIDC test server with every log entry captured.</summary>
public sealed class LoggedServer : OidcServer
{
    public AllLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        Logs.AddTo(services);
    }
}

/// <summary>API keys and tokens, accepted or refused, never appear in the logs.</summary>
public class SecretLoggingTests(LoggedServer server) : IClassFixture<LoggedServer>
{
    [Fact]
    public async Task SigningIn_WithGoodAndBadKeysAndTokens_LogsNoneOfThem()
    {
        var revoked = await server.Get<ApiKeys>().CreateAsync("to-revoke", AnalystRoles.Viewer, "tests", CancellationToken.None);
        await server.Get<ApiKeys>().RevokeAsync(revoked.Key.Id, "tests", CancellationToken.None);
        var unknownKey = "aw_" + Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var token = OidcServer.Token("logged@example.test", "SOC-Tier1");
        var expired = OidcServer.Mint(OidcServer.Claims("logged@example.test", "SOC-Tier1"), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));
        var forged = token[..token.LastIndexOf('.')] + ".c2lnbmVkLWJ5LW5vYm9keQ";
        var keys = new[] { server.Keys[AnalystRoles.Viewer], revoked.Secret, unknownKey };
        var tokens = new[] { token, expired, forged };

        foreach (var key in keys)
        {
            foreach (var header in new[] { "X-Api-Key", "Authorization" })
            {
                using var client = server.Client();
                if (header == "Authorization") client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                else client.DefaultRequestHeaders.Add(header, key);
                (await client.GetAsync("/api/me")).Dispose();
                (await client.GetAsync("/api/apikeys")).Dispose();
            }
        }
        foreach (var bearer in tokens)
        {
            using var client = server.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            (await client.GetAsync("/api/me")).Dispose();
        }

        var entries = server.Logs.Entries;
        Assert.Contains(entries, e => e.Contains("not authenticated", StringComparison.OrdinalIgnoreCase) || e.Contains("Failed to validate", StringComparison.OrdinalIgnoreCase));
        // A token's header names only the algorithm and key id; its claims and signature are what must not leak.
        var secrets = keys.Select(k => k[3..]).Concat(tokens.SelectMany(t => t.Split('.').Skip(1)).Where(part => part.Length > 20));
        foreach (var secret in secrets)
        {
            var leaks = entries.Where(e => e.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"a secret appears in {leaks.Count} log entries, e.g. {leaks.FirstOrDefault()}");
        }
    }
}
