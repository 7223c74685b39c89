using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace ActivityWatch.Api.Problems;

/// <summary>
/// Turns a query error that escaped an endpoint into its 400, and PostgreSQL being unreachable into
/// a 503 naming the server (the console shows "database unavailable"); everything else stays a 500 problem.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, NpgsqlDataSource dataSource) : IExceptionHandler
{
    public const string DatabaseUnavailableType = "https://activitywatch.dev/problems/database-unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is QuerySyntaxException query)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid query",
                    Detail = query.Message,
                    Extensions = { ["position"] = query.Position, ["reason"] = query.Reason },
                },
            });
        }
        if (DatabaseOutage.Find(exception, dataSource.ConnectionString) is not { } outage) return false;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = DatabaseUnavailableType,
                Title = "Database unavailable",
                Detail = $"{outage.Summary}.",
                Extensions = { ["database"] = outage.Database is null ? outage.Server : $"{outage.Server}/{outage.Database}" },
            },
        });
    }
}
