using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ActivityWatch.Api.Security;

/// <summary>
/// Headers on every response (API answers, problems, the live stream, the console's files), set
/// as the response starts so nothing written later escapes them. Data answers may not be framed,
/// sniffed, cached or sent on as a referrer; over HTTPS browsers are told to stay on HTTPS.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The console: scripts only from its own files (it has no inline script), styles from its files
    /// plus the style attributes its DOM helpers set, data: for the favicon, fetch() to itself only.
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Everything else is data, never a document to render.</summary>
    public const string DataPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string Hsts = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            var data = IsData(context.Request.Path);
            // The console's files set their own policy as they are served (304s included).
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = data ? DataPolicy : ConsolePolicy;
            if (data && !headers.ContainsKey(HeaderNames.CacheControl)) headers.CacheControl = "no-store";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = Hsts;
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsData(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health");
}
