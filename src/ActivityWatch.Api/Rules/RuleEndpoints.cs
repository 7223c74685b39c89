using ActivityWatch.Api.Alerts;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Detections.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Rules;

public static class RuleEndpoints
{
    public sealed record NewSuppression(string RuleId, string? Principal, string? SourceCidr, string Note);

    /// <summary>The window of stored history a retro-hunt reads (record time); open ends read everything.</summary>
    public sealed record ReplayWindow(DateTimeOffset? Since, DateTimeOffset? Until);

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/rules", async (RuleLibrary library, CancellationToken ct) =>
                TypedResults.Ok((await library.LoadAsync(ct)).Entries.Select(RuleView.Of).ToList()))
            .WithTags("Rules").WithSummary("The detection rule catalogue (built-in and imported Sigma rules) with CIS and MITRE ATT&CK mappings, source and state")
            .RequireAuthorization(ApiPolicies.Read);
        routes.MapPost("/api/rules/{id}/enable", (string id, HttpContext http, RuleLibrary library, AuditTrail audit, CancellationToken ct) => ToggleAsync(id, true, http, library, audit, ct))
            .WithTags("Rules").WithSummary("Enable a rule for records stored from now on (audited)").RequireAuthorization(ApiPolicies.Administer);
        routes.MapPost("/api/rules/{id}/disable", (string id, HttpContext http, RuleLibrary library, AuditTrail audit, CancellationToken ct) => ToggleAsync(id, false, http, library, audit, ct))
            .WithTags("Rules").WithSummary("Disable a rule for records stored from now on (audited)").RequireAuthorization(ApiPolicies.Administer);
        routes.MapPost("/api/rules/{id}/replay", ReplayAsync)
            .WithTags("Rules").WithSummary("Retro-hunt: run a rule over stored records (no re-ingest) and raise what it finds; idempotent")
            .RequireAuthorization(ApiPolicies.Respond);

        var suppressions = routes.MapGroup("/api/suppressions").WithTags("Rules");
        suppressions.MapGet("/", async (SuppressionRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct)))
            .WithSummary("Suppression rules (known-good patterns)").RequireAuthorization(ApiPolicies.Read);
        suppressions.MapPost("/", AddAsync).WithSummary("Add a suppression rule").RequireAuthorization(ApiPolicies.Administer);
        suppressions.MapDelete("/{id}", RemoveAsync).WithSummary("Remove a suppression rule").RequireAuthorization(ApiPolicies.Administer);
        return routes;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ToggleAsync(
        string id, bool enable, HttpContext http, RuleLibrary library, AuditTrail audit, CancellationToken cancellationToken)
    {
        var analyst = Analyst.From(http.User);
        if (!await library.SetEnabledAsync(id, enable, analyst.Name, null, cancellationToken)) return ApiProblems.NotFound($"No rule '{id}'.");
        await audit.RecordAsync(new AnalystActed(analyst.Name, analyst.Role, enable ? "rule.enable" : "rule.disable", $"rule/{id}", null, DateTimeOffset.UtcNow), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<SuppressionRule>, ProblemHttpResult>> AddAsync(
        NewSuppression request, HttpContext http, SuppressionRules rules, RuleLibrary library, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.RuleId != "*" && (await library.LoadAsync(cancellationToken)).Find(request.RuleId) is null)
            return ApiProblems.BadRequest($"No rule '{request.RuleId}' ('*' matches every rule).", "ruleId");
        if (string.IsNullOrWhiteSpace(request.Note)) return ApiProblems.BadRequest("Say why in 'note'.", "note");
        if (request.SourceCidr is { Length: > 0 } cidr && !SuppressionRule.TryParseNetwork(cidr, out _))
            return ApiProblems.BadRequest($"'{cidr}' is not an IP address or CIDR block.", "sourceCidr");
        var analyst = Analyst.From(http.User);
        var rule = await rules.AddAsync(request.RuleId, Blank(request.Principal), Blank(request.SourceCidr), request.Note, analyst.Name, cancellationToken);
        await audit.RecordAsync(new AnalystActed(analyst.Name, analyst.Role, "suppression.add", $"suppression/{rule.Id}",
            $"{rule.RuleId} {rule.Principal} {rule.SourceCidr}: {rule.Note}".Trim(), rule.CreatedAt), cancellationToken);
        return TypedResults.Created($"/api/suppressions/{rule.Id}", rule);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, HttpContext http, SuppressionRules rules, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!await rules.RemoveAsync(id, cancellationToken)) return ApiProblems.NotFound($"No suppression rule {id}.");
        var analyst = Analyst.From(http.User);
        await audit.RecordAsync(new AnalystActed(analyst.Name, analyst.Role, "suppression.remove", $"suppression/{id}", null, DateTimeOffset.UtcNow), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReplaySummary>, ProblemHttpResult>> ReplayAsync(
        string id, ReplayWindow? window, HttpContext http, RuleReplayer replayer, RuleLibrary library, AuditTrail audit, CancellationToken cancellationToken)
    {
        if ((await library.LoadAsync(cancellationToken)).Find(id)?.Rule is not { } rule) return ApiProblems.NotFound($"No rule '{id}'.");
        if (window is { Since: { } since, Until: { } until } && since > until) return ApiProblems.BadRequest("'since' is after 'until'.", "since");
        var summary = await replayer.ReplayAsync(rule, window?.Since, window?.Until, cancellationToken);
        var analyst = Analyst.From(http.User);
        await audit.RecordAsync(new AnalystActed(analyst.Name, analyst.Role, "rule.replay", $"rule/{id}",
            $"{window?.Since:o}..{window?.Until:o}: {summary.Records} records, {summary.Hits} hits, {summary.Raised} raised, {summary.Updated} updated",
            DateTimeOffset.UtcNow), cancellationToken);
        return TypedResults.Ok(summary);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
