using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Api.Tests;

/// <summary>
/// Serving over HTTPS as the README says: an https URL and Kestrel's default certificate from
/// configuration (PEM files here). HSTS goes with every answer over HTTPS.
/// </summary>
public class TlsTests
{
    [Fact]
    public async Task Https_WithACertificateFromConfiguration_ServesWithHsts()
    {
        var folder = Directory.CreateTempSubdirectory("aw-tls-");
        var schema = TestDatabase.NewSchema("tls");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        var settings = new Dictionary<string, string?>
        {
            ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString,
            ["ActivityWatch:Postgres:Schema"] = schema,
            ["ActivityWatch:Projections:Daemon"] = "Disabled",
            ["Kestrel:Certificates:Default:Path"] = Path.Combine(folder.FullName, "cert.pem"),
            ["Kestrel:Certificates:Default:KeyPath"] = Path.Combine(folder.FullName, "key.pem"),
        };
        try
        {
            await using var app = ApiApplication.Build(["--urls", "https://127.0.0.1:0"], settings);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };

            using var health = await client.GetAsync("/health/live");
            using var refused = await client.GetAsync("/api/me");

            Assert.StartsWith("https://", address);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            foreach (var response in new[] { health, refused })
            {
                Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
                Headers.AssertSecure(response);
            }
            await app.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
            await TestDatabase.DropSchemaAsync(schema);
        }
    }
}
