using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>API keys and the analyst audit trail (the API and the CLI's apikeys command use them).</summary>
    public static IServiceCollection AddActivityWatchAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ApiKeys>();
        return services;
    }
}
