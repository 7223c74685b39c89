using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace ActivityWatch.Api.Problems;

/// <summary>
/// Turns a query error that escaped an endpoint into its 400, and a request the framework could not
/// bind (a malformed time, a number out of range) into its 400 as well, in every environment (in
/// Development the framework throws those instead of answering). PostgreSQL being unreachable is a
/// 503 naming the server (the console shows "database unavailable"). Everything else stays a 500 problem.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, NpgsqlDataSource dataSource) : IExceptionHandler
{
    public const string DatabaseUnavailableType = "https://activitywatch.dev/problems/database-unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            QuerySyntaxException query => new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid query",
                Detail = query.Message,
                Extensions = { ["position"] = query.Position, ["reason"] = query.Reason },
            },
            BadHttpRequestException bad => new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Invalid request",
                Detail = bad.Message,
            },
            _ => DatabaseOutage.Find(exception, dataSource.ConnectionString) is { } outage
                ? new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Type = DatabaseUnavailableType,
                    Title = "Database unavailable",
                    Detail = $"{outage.Summary}.",
                    Extensions = { ["database"] = outage.Database is null ? outage.Server : $"{outage.Server}/{outage.Database}" },
                }
                : null,
        };
        if (problem is null) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Type == DatabaseUnavailableType) httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
