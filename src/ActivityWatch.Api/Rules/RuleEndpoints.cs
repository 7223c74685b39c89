using ActivityWatch.Api.Alerts;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Api.Timeline;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Rules;

public static class RuleEndpoints
{
    public sealed record NewSuppression(string RuleId, string? Principal, string? SourceCidr, string Note);

    /// <summary>The window of stored history a retro-hunt reads (record time): until defaults to now, since to MaxRangeDays before it.</summary>
    public sealed record ReplayWindow(DateTimeOffset? Since, DateTimeOffset? Until);

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/rules", () => TypedResults.Ok(DetectionCatalogue.Rules.Select(RuleView.Of).ToList()))
            .WithTags("Rules").WithSummary("The detection rule catalogue with CIS and MITRE ATT&CK mappings")
            .RequireAuthorization(ApiPolicies.Read);
        routes.MapPost("/api/rules/{id}/replay", ReplayAsync)
            .WithTags("Rules").WithSummary("Retro-hunt: run a rule over stored records (no re-ingest) and raise what it finds; idempotent; one at a time per caller")
            .RequireAuthorization(ApiPolicies.Respond);

        var suppressions = routes.MapGroup("/api/suppressions").WithTags("Rules");
        suppressions.MapGet("/", async (SuppressionRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct)))
            .WithSummary("Suppression rules (known-good patterns)").RequireAuthorization(ApiPolicies.Read);
        suppressions.MapPost("/", AddAsync).WithSummary("Add a suppression rule").RequireAuthorization(ApiPolicies.Administer);
        suppressions.MapDelete("/{id}", RemoveAsync).WithSummary("Remove a suppression rule").RequireAuthorization(ApiPolicies.Administer);
        return routes;
    }

    private static async Task<Results<Created<SuppressionRule>, ProblemHttpResult>> AddAsync(
        NewSuppression request, HttpContext http, SuppressionRules rules, CancellationToken cancellationToken)
    {
        if (request.RuleId != "*" && DetectionCatalogue.Find(request.RuleId) is null)
            return ApiProblems.BadRequest($"No rule '{request.RuleId}' ('*' matches every rule).", "ruleId");
        if (string.IsNullOrWhiteSpace(request.Note)) return ApiProblems.BadRequest("Say why in 'note'.", "note");
        if (ApiProblems.TooLong(request.Note, AuditTrail.MaxNoteLength, "note") is { } tooLong) return tooLong;
        if (ApiProblems.TooLong(request.Principal, 2048, "principal") is { } principalTooLong) return principalTooLong;
        var cidr = Blank(request.SourceCidr);
        if (cidr is not null && !NetworkText.TryParse(cidr, out _, out _, out var error, out var position))
        {
            return TypedResults.Problem(detail: $"'{cidr}' is not an IP address or CIDR block: {error} at position {position}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["parameter"] = "sourceCidr", ["position"] = position, ["reason"] = error });
        }
        var analyst = Analyst.From(http.User);
        var rule = await rules.AddAsync(request.RuleId, Blank(request.Principal), cidr, request.Note, analyst.Actor.Label,
            analyst.Doing("suppression.add"), cancellationToken);
        return TypedResults.Created($"/api/suppressions/{rule.Id}", rule);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, HttpContext http, SuppressionRules rules, CancellationToken cancellationToken) =>
        await rules.RemoveAsync(id, Analyst.From(http.User).Doing("suppression.remove"), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No suppression rule {id}.");

    private static async Task<Results<Ok<ReplaySummary>, ProblemHttpResult>> ReplayAsync(
        string id, ReplayWindow? window, HttpContext http, RuleReplayer replayer, ReplayLocks locks, IOptions<ApiOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (DetectionCatalogue.Find(id) is not { } rule) return ApiProblems.NotFound($"No rule '{id}'.");
        var maxDays = options.Value.MaxRangeDays;
        var until = window?.Until ?? time.GetUtcNow();
        if (!TimeRange.TryResolve(window?.Since, until, time.GetUtcNow(), TimeSpan.FromDays(maxDays), maxDays, out var range, out var rangeError))
            return ApiProblems.BadRequest(rangeError!, "since");
        var analyst = Analyst.From(http.User);
        await using var held = await locks.TryTakeAsync(analyst.Id, cancellationToken);
        if (held is null) return ApiProblems.Conflict("A retro-hunt of yours is still running; start the next when it has finished.");
        return TypedResults.Ok(await replayer.ReplayAsync(rule, range.Since, range.Until, analyst.Doing("rule.replay"), cancellationToken));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
