using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ActivityWatch.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Live;

public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/alerts/stream", Stream)
            .WithTags("Alerts")
            .WithSummary("Alert changes as server-sent events (event: alert, id: store sequence); resumes after Last-Event-ID")
            .RequireAuthorization(ApiPolicies.Read);
        return routes;
    }

    private static IResult Stream(HttpContext context, long? after, AlertFeed feed, IOptions<ApiOptions> options)
    {
        var resume = after;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var lastEventId)) resume = lastEventId;
        return TypedResults.ServerSentEvents(ReadAsync(feed, resume, options.Value.LivePollInterval, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<AlertChange?>> ReadAsync(
        AlertFeed feed, long? resume, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = resume ?? await feed.LatestSequenceAsync(cancellationToken);
        // A first comment-like event tells the client the stream is open before any alert arrives.
        yield return new SseItem<AlertChange?>(null, "ready") { EventId = position.ToString() };
        var quiet = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<AlertChange> changes;
            try
            {
                changes = await feed.ReadAfterAsync(position, 100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            foreach (var change in changes)
            {
                position = change.Sequence;
                yield return new SseItem<AlertChange?>(change, "alert") { EventId = change.Sequence.ToString() };
            }
            if (changes.Count > 0) { quiet = TimeSpan.Zero; continue; }
            // Proxies close idle connections: a heartbeat every 15 s keeps the stream open.
            quiet += interval;
            if (quiet >= TimeSpan.FromSeconds(15))
            {
                quiet = TimeSpan.Zero;
                yield return new SseItem<AlertChange?>(null, "heartbeat") { EventId = position.ToString() };
            }
            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
