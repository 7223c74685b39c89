using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Api.Tests.Support;

public sealed class ApiFactory(Action<IServiceCollection>? services = null) : WebApplicationFactory<ApiTestSettingsMarker>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (services is not null) builder.ConfigureServices(services);
    }
}

/// <summary>Names the test assembly (whose entry point is <see cref="ApiTestEntryPoint"/>) to WebApplicationFactory.</summary>
public sealed class ApiTestSettingsMarker;
