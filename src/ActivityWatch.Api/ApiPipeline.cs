using ActivityWatch.Api.Alerts;
using ActivityWatch.Api.Audit;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Console;
using ActivityWatch.Api.Events;
using ActivityWatch.Api.Health;
using ActivityWatch.Api.Ingestion;
using ActivityWatch.Api.Live;
using ActivityWatch.Api.Principals;
using ActivityWatch.Api.Reports;
using ActivityWatch.Api.Rules;
using ActivityWatch.Api.Security;
using ActivityWatch.Api.Timeline;
using Microsoft.AspNetCore.Builder;

namespace ActivityWatch.Api;

public static class ApiPipeline
{
    /// <summary>Middleware and every feature's endpoints. Only /health/* and the console's static files are anonymous; sign-in comes before the rate limiter so it counts per caller.</summary>
    public static WebApplication UseActivityWatchApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseConsole();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ApiPolicies.Read);
        app.MapHealth();
        app.MapTimeline();
        app.MapEvents();
        app.MapPrincipals();
        app.MapAlerts();
        app.MapRules();
        app.MapReports();
        app.MapPermissionReports();
        app.MapLive();
        app.MapIngestion();
        app.MapAudit();
        app.MapApiKeys();
        return app;
    }
}
