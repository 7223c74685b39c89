using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Reports;
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
        services.AddSingleton<PermissionUseQueries>();
        services.AddSingleton<CredentialQueries>();
        services.AddSingleton<PermissionReports>();
        services.AddSingleton<HygieneAlerts>();
        return services;
    }
}
