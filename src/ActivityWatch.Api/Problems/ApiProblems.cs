using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActivityWatch.Api.Problems;

/// <summary>The API's error answers, all RFC 9457 problem details.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail, string? parameter = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult InvalidQuery(QuerySyntaxException error) =>
        TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
            type: "https://activitywatch.dev/problems/invalid-query",
            extensions: new Dictionary<string, object?> { ["position"] = error.Position, ["reason"] = error.Reason, ["parameter"] = "q" });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    /// <summary>Null when <paramref name="value"/> fits in <paramref name="max"/> characters.</summary>
    public static ProblemHttpResult? TooLong(string? value, int max, string parameter) =>
        value is { Length: var length } && length > max ? BadRequest($"'{parameter}' may hold at most {max} characters ({length} given).", parameter) : null;
}
