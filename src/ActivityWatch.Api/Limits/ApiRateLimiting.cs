using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ActivityWatch.Api.Live;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Limits;

/// <summary>
/// ASP.NET Core's rate limiter over the API: per caller, a fixed window of requests and a cap on
/// requests in flight (a search or a report can keep PostgreSQL busy). It runs after sign-in, so a
/// caller is its key or OIDC subject; before sign-in, its address. Health checks are never limited,
/// and live streams count against the window but not against requests in flight (they last for hours).
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) =>
        {
            var limits = api.Value.RateLimit;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            if (!limits.Enabled) return;
            var window = PartitionedRateLimiter.Create<HttpContext, string>(context => IsHealth(context)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            var inFlight = PartitionedRateLimiter.Create<HttpContext, string>(context => IsHealth(context) || context.Request.Path.StartsWithSegments(LiveEndpoints.Path)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetConcurrencyLimiter(Caller(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentRequests,
                    QueueLimit = 0,
                }));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(window, inFlight);
        });
        return services;
    }

    private static bool IsHealth(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    private static string Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? id
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var detail = "Too many requests from this caller; slow down.";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests from this caller; try again in {seconds} s.";
        }
        else
        {
            detail = "Too many requests in flight from this caller; wait for one to finish.";
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }
}
