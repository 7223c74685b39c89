using System.Text.Json.Serialization;
using ActivityWatch.Api.Alerts;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Health;
using ActivityWatch.Api.Limits;
using ActivityWatch.Api.Live;
using ActivityWatch.Api.Principals;
using ActivityWatch.Api.Problems;
using ActivityWatch.Api.Reports;
using ActivityWatch.Api.Rules;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The analyst API on top of an ActivityWatch host (see ActivityWatchHosting.AddActivityWatch).</summary>
    public static IHostApplicationBuilder AddActivityWatchApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidation>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Records as logged go out as they came in (lone surrogate escapes, 256-deep nesting): see VerbatimJsonElement.
            json.SerializerOptions.Converters.Add(new VerbatimJsonElement());
            json.SerializerOptions.MaxDepth = EventBodies.MaxDepth;
        });
        services.AddApiAuthentication();
        services.AddApiRateLimiting();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag]);
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ActivityWatch analyst API";
            document.Info.Description = "Timeline search, principals, alerts, reports and ingestion status. " +
                                        "Authenticate with 'Authorization: Bearer aw_...' (or X-Api-Key), or an OIDC bearer token.";
            return Task.CompletedTask;
        }));

        services.AddSingleton<PrincipalSections>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<AlertBroadcast>();
        services.AddSingleton<LiveStreamSlots>();
        services.AddSingleton<CallerCredentials>();
        services.AddSingleton<ReplayLocks>();
        services.AddSingleton<AlertSearch>();
        services.AddSingleton<IPrincipalSection, PrincipalAlertsSection>();
        services.AddSingleton<IPrincipalSection, PrincipalPermissionsSection>();
        return builder;
    }
}
