using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ActivityWatch.Api.Problems;

/// <summary>
/// Turns a query error that escaped an endpoint into its 400, and a request the framework could not
/// bind (a malformed time, a number out of range) into its 400 as well, in every environment (in
/// Development the framework throws those instead of answering). Everything else stays a 500 problem.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
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
            _ => null,
        };
        if (problem is null) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
