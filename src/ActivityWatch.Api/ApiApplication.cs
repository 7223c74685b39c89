using ActivityWatch.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Api;

/// <summary>The API process: the ActivityWatch host (store, async daemon, ingestion) plus the analyst API and console.</summary>
public static class ApiApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.AddFilter("Marten", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddActivityWatch();
        builder.AddActivityWatchApi();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseActivityWatchApi();
        return app;
    }
}
