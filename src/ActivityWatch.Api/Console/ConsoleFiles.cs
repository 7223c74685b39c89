using ActivityWatch.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace ActivityWatch.Api.Console;

/// <summary>
/// The web console: plain HTML, CSS and JavaScript modules embedded in this assembly, so the
/// API serves it with no build step or separate server. The files hold no data, so they are
/// served before authentication; every /api call they make carries the analyst's key.
/// </summary>
public static class ConsoleFiles
{
    public static IApplicationBuilder UseConsole(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(ConsoleFiles).Assembly, "ActivityWatch.Api.Console.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // The console is small; always revalidating means an upgrade shows at once.
                context.Context.Response.Headers.CacheControl = "no-cache";
                context.Context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ConsolePolicy;
            },
        });
        return app;
    }
}
