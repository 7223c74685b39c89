using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Alerts;

public static class AlertEndpoints
{
    /// <summary>An assignee is a name or an address, not a note.</summary>
    public const int MaxAssigneeLength = 200;

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The alert queue: status (active, all, open, acknowledged, resolved, suppressed), severity, rule, principal");
        group.MapGet("/{id:guid}", DetailAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("One alert with its history, evidence records (raw JSON) and rule");

        // Working alerts is the responder's job; every action goes through the alerts module's decision and,
        // in the same transaction, into the audit trail. The alert's history names the analyst by name and key.
        var act = group.MapGroup("/{id:guid}").RequireAuthorization(ApiPolicies.Respond);
        act.MapPost("/acknowledge", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new AcknowledgeAlert(id, by, body?.Note), "alert.acknowledge", body, http, lifecycle, ct)).WithSummary("Acknowledge an open alert");
        act.MapPost("/resolve", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new ResolveAlert(id, by, body?.Note), "alert.resolve", body, http, lifecycle, ct)).WithSummary("Resolve an alert");
        act.MapPost("/suppress", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new SuppressAlert(id, by, body?.Note), "alert.suppress", body, http, lifecycle, ct)).WithSummary("Suppress this alert (suppression rules are for admins)");
        act.MapPost("/reopen", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new ReopenAlert(id, by, body?.Note), "alert.reopen", body, http, lifecycle, ct)).WithSummary("Reopen an alert");
        act.MapPost("/assign", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new AssignAlert(id, by, body?.Assignee ?? ""), "alert.assign", body, http, lifecycle, ct)).WithSummary("Assign an alert");
        act.MapPost("/notes", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken ct) =>
            ActAsync(by => new AddAlertNote(id, by, body?.Note ?? ""), "alert.note", body, http, lifecycle, ct)).WithSummary("Add a note");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<Alert>>, ProblemHttpResult>> ListAsync(
        string? status, string? severity, string? ruleId, string? principal, int? limit,
        AlertSearch alerts, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var take = limit ?? 200;
        if (take < 1 || take > options.Value.MaxPageSize) return ApiProblems.BadRequest($"'limit' must be 1 to {options.Value.MaxPageSize}.", "limit");
        if (!AlertSearch.IsKnownStatus(status)) return ApiProblems.BadRequest("'status' is active, all, open, acknowledged, resolved or suppressed.", "status");
        return TypedResults.Ok(await alerts.ListAsync(status, severity, ruleId, principal, take, cancellationToken));
    }

    private static async Task<Results<Ok<AlertDetail>, ProblemHttpResult>> DetailAsync(
        Guid id, AlertQueries alerts, TimelineQueries timeline, CancellationToken cancellationToken)
    {
        var alert = await alerts.FindAsync(id, cancellationToken);
        if (alert is null) return ApiProblems.NotFound($"No alert {id}.");
        // Evidence times are the records' own eventTimes; a minute either side absorbs clock skew between trails.
        var evidence = await timeline.EvidenceAsync(alert.EventIds, alert.FirstSeen.AddMinutes(-1), alert.LastSeen.AddMinutes(1), cancellationToken);
        var rule = DetectionCatalogue.Find(alert.RuleId) is { } found ? RuleView.Of(found) : null;
        return TypedResults.Ok(new AlertDetail(alert, evidence, rule));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> ActAsync(
        Func<string, AlertCommand> command, string action, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (ApiProblems.TooLong(body?.Note, AuditTrail.MaxNoteLength, "note") is { } noteTooLong) return noteTooLong;
        if (ApiProblems.TooLong(body?.Assignee, MaxAssigneeLength, "assignee") is { } assigneeTooLong) return assigneeTooLong;
        var analyst = Analyst.From(http.User);
        var taken = command(analyst.Actor.Label);
        var (alert, decision) = await lifecycle.HandleAsync(taken, analyst.Doing(action), cancellationToken);
        if (alert is null) return ApiProblems.NotFound($"No alert {taken.AlertId}.");
        if (!decision.Accepted) return ApiProblems.Conflict(decision.Refusal!);
        return TypedResults.Ok(alert);
    }
}
