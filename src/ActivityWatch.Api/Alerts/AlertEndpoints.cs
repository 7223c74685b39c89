using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Alerts;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The alert queue: status (active, all, open, acknowledged, resolved, suppressed), severity, rule, principal");
        group.MapGet("/{id:guid}", DetailAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("One alert with its history, evidence records (raw JSON) and rule");

        // Working alerts is the responder's job; every action goes through the alerts module's decision and into the audit trail.
        var act = group.MapGroup("/{id:guid}").RequireAuthorization(ApiPolicies.Respond);
        act.MapPost("/acknowledge", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new AcknowledgeAlert(id, Analyst.From(http.User).Name, body?.Note), "alert.acknowledge", http, lifecycle, audit, ct)).WithSummary("Acknowledge an open alert");
        act.MapPost("/resolve", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new ResolveAlert(id, Analyst.From(http.User).Name, body?.Note), "alert.resolve", http, lifecycle, audit, ct)).WithSummary("Resolve an alert");
        act.MapPost("/suppress", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new SuppressAlert(id, Analyst.From(http.User).Name, body?.Note), "alert.suppress", http, lifecycle, audit, ct)).WithSummary("Suppress this alert (suppression rules are for admins)");
        act.MapPost("/reopen", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new ReopenAlert(id, Analyst.From(http.User).Name, body?.Note), "alert.reopen", http, lifecycle, audit, ct)).WithSummary("Reopen an alert");
        act.MapPost("/assign", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new AssignAlert(id, Analyst.From(http.User).Name, body?.Assignee ?? ""), "alert.assign", http, lifecycle, audit, ct)).WithSummary("Assign an alert");
        act.MapPost("/notes", (Guid id, AlertActionRequest? body, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken ct) =>
            ActAsync(new AddAlertNote(id, Analyst.From(http.User).Name, body?.Note ?? ""), "alert.note", http, lifecycle, audit, ct)).WithSummary("Add a note");
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
        Guid id, AlertQueries alerts, TimelineQueries timeline, RuleLibrary library, CancellationToken cancellationToken)
    {
        var alert = await alerts.FindAsync(id, cancellationToken);
        if (alert is null) return ApiProblems.NotFound($"No alert {id}.");
        // Evidence times are the records' own eventTimes; a minute either side absorbs clock skew between trails.
        var evidence = await timeline.EvidenceAsync(alert.EventIds, alert.FirstSeen.AddMinutes(-1), alert.LastSeen.AddMinutes(1), cancellationToken);
        var rule = (await library.LoadAsync(cancellationToken)).Find(alert.RuleId) is { } found ? RuleView.Of(found) : null;
        return TypedResults.Ok(new AlertDetail(alert, evidence, rule));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> ActAsync(
        AlertCommand command, string action, HttpContext http, AlertLifecycle lifecycle, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (alert, decision) = await lifecycle.HandleAsync(command, cancellationToken);
        if (alert is null) return ApiProblems.NotFound($"No alert {command.AlertId}.");
        if (!decision.Accepted) return ApiProblems.Conflict(decision.Refusal!);
        var analyst = Analyst.From(http.User);
        var detail = command switch
        {
            AssignAlert assign => assign.Assignee,
            AcknowledgeAlert { Note: { } note } => note,
            ResolveAlert { Note: { } note } => note,
            SuppressAlert { Note: { } note } => note,
            ReopenAlert { Note: { } note } => note,
            AddAlertNote note => note.Note,
            _ => null,
        };
        await audit.RecordAsync(new AnalystActed(analyst.Name, analyst.Role, action, $"alert/{alert.AlertId}", detail, DateTimeOffset.UtcNow), cancellationToken);
        return TypedResults.Ok(alert);
    }
}
