using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ActivityWatch.Api.Problems;

/// <summary>Turns a query error that escaped an endpoint into its 400; everything else stays a 500 problem.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not QuerySyntaxException query) return false;
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
}
