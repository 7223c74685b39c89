using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Permissions.Roles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Permissions;

public static class PermissionsServiceCollectionExtensions
{
    public static IServiceCollection AddActivityWatchPermissions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PermissionsOptions>().BindConfiguration(PermissionsOptions.Section);
        services.AddSingleton<CatalogProvider>();
        services.AddSingleton<IamImporter>();
        services.AddSingleton<IamStateQueries>();
        services.AddSingleton<RoleDirectoryQueries>();
        services.AddSingleton<ResolvedTimeline>();
        services.AddSingleton<PermissionUseQueries>();
        services.AddSingleton<AlertedActions>();
        services.AddSingleton<CredentialQueries>();
        services.AddSingleton<PermissionReports>();
        services.AddSingleton<HygieneAlerts>();
        services.AddOptions<HygieneOptions>().BindConfiguration(HygieneOptions.Section);
        services.AddSingleton<HygieneSchedule>();
        return services;
    }

    /// <summary>For long-running processes (`serve`, `watch`): the credential hygiene check on its schedule.</summary>
    public static IServiceCollection AddActivityWatchHygieneSchedule(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<HygieneSchedule>());
        return services;
    }
}
