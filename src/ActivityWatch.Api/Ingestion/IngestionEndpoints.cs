using ActivityWatch.Api.Auth;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Quarantine;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Api.Ingestion;

public static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ingestion").WithTags("Ingestion").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/", StatusAsync).WithSummary("Sources with their lag, checkpoints, totals and recent quarantine");
        group.MapGet("/quarantine", QuarantineAsync).WithSummary("Records that could not be read, with where and why");
        group.MapGet("/projection-failures", FailuresAsync).WithSummary("Records a live-path member (a view, the rules, the anomaly model) could not process; the others did");
        return routes;
    }

    private static async Task<Ok<IngestionStatus>> StatusAsync(
        IngestionQueries ingestion, LivePathQueries livePath, IDocumentStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        // The AWS sources are registered only where S3/SQS ingestion is configured.
        var sources = services.GetService<SourceStatusQueries>() is { } statuses ? await statuses.ListAsync(cancellationToken) : [];
        await using var session = store.QuerySession();
        var quarantine = await session.ListAsync(null, 50, cancellationToken);
        return TypedResults.Ok(new IngestionStatus(
            sources,
            await ingestion.TotalsAsync(cancellationToken),
            await ingestion.RecentObjectsAsync(100, cancellationToken),
            quarantine,
            await livePath.StatusAsync(50, cancellationToken)));
    }

    private static async Task<Ok<LivePathStatus>> FailuresAsync(int? limit, LivePathQueries livePath, CancellationToken cancellationToken) =>
        TypedResults.Ok(await livePath.StatusAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));

    private static async Task<Ok<IReadOnlyList<QuarantinedRecord>>> QuarantineAsync(
        string? sourceObject, int? limit, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return TypedResults.Ok(await session.ListAsync(sourceObject, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));
    }
}
