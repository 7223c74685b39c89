using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Live;

public static class LiveEndpoints
{
    public const string Path = "/api/alerts/stream";

    /// <summary>Proxies close idle connections: a heartbeat keeps the stream open.</summary>
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, StreamAsync)
            .WithTags("Alerts")
            .WithSummary("Alert changes as server-sent events (event: alert, id: store sequence); resumes after Last-Event-ID. " +
                         "Ends with event: unauthorized once the key is revoked or the token expires.")
            .RequireAuthorization(ApiPolicies.Read);
        return routes;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context, long? after, AlertFeed feed, AlertBroadcast broadcast, LiveStreamSlots slots, CallerCredentials credentials,
        IOptions<ApiOptions> options, TimeProvider time)
    {
        var api = options.Value;
        var caller = Analyst.From(context.User).Id;
        if (slots.TryTake(caller, api.LiveStreamsPerCaller) is not { } slot)
            return ApiProblems.TooManyRequests($"At most {api.LiveStreamsPerCaller} live streams per caller are open at once; close one first.");
        // Released when the request ends, however it ends (the stream below may never be enumerated).
        context.Response.RegisterForDispose(slot);
        var resume = after;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var lastEventId)) resume = lastEventId;
        var start = resume ?? await feed.LatestSequenceAsync(context.RequestAborted);
        var stream = new LiveStream(context, feed, broadcast, credentials, api.LiveRecheckInterval, time);
        return TypedResults.ServerSentEvents(stream.ReadAsync(start, context.RequestAborted));
    }

    private sealed class LiveStream(
        HttpContext context, AlertFeed feed, AlertBroadcast broadcast, CallerCredentials credentials, TimeSpan recheckEvery, TimeProvider time)
    {
        private enum Wake { Changes, Timer, Closed }

        public async IAsyncEnumerable<SseItem<StoredAlertEvent?>> ReadAsync(long start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Join the shared poll first, then catch up from the store: nothing committed in between is missed.
            using var listener = broadcast.Listen(start);
            var position = start;
            // A first event tells the client the stream is open before any alert arrives.
            yield return new SseItem<StoredAlertEvent?>(null, "ready") { EventId = position.ToString() };

            while (true)
            {
                var page = await CatchUpAsync(position, cancellationToken);
                if (page is null) yield break;
                foreach (var change in page)
                {
                    position = change.Sequence;
                    yield return Alert(change);
                }
                if (page.Count < AlertBroadcast.PageSize) break;
            }

            var nextHeartbeat = time.GetUtcNow() + HeartbeatEvery;
            var nextCheck = time.GetUtcNow() + recheckEvery;
            while (true)
            {
                var wait = (nextHeartbeat < nextCheck ? nextHeartbeat : nextCheck) - time.GetUtcNow();
                var wake = await WaitAsync(listener, wait, cancellationToken);
                if (wake == Wake.Closed) yield break;
                while (listener.Changes.TryRead(out var change))
                {
                    // The shared poll may have been behind this stream's catch-up.
                    if (change.Sequence <= position) continue;
                    position = change.Sequence;
                    nextHeartbeat = time.GetUtcNow() + HeartbeatEvery;
                    yield return Alert(change);
                }
                if (time.GetUtcNow() >= nextCheck)
                {
                    if (!await StillValidAsync(cancellationToken))
                    {
                        yield return new SseItem<StoredAlertEvent?>(null, "unauthorized") { EventId = position.ToString() };
                        yield break;
                    }
                    nextCheck = time.GetUtcNow() + recheckEvery;
                }
                if (time.GetUtcNow() >= nextHeartbeat)
                {
                    nextHeartbeat = time.GetUtcNow() + HeartbeatEvery;
                    yield return new SseItem<StoredAlertEvent?>(null, "heartbeat") { EventId = position.ToString() };
                }
            }
        }

        private static SseItem<StoredAlertEvent?> Alert(StoredAlertEvent change) => new(change, "alert") { EventId = change.Sequence.ToString() };

        private async Task<IReadOnlyList<StoredAlertEvent>?> CatchUpAsync(long position, CancellationToken cancellationToken)
        {
            try
            {
                return await feed.ReadAfterAsync(position, AlertBroadcast.PageSize, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        private async Task<bool> StillValidAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await credentials.StillValidAsync(context, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Until the shared poll hands over changes, <paramref name="wait"/> passes, or the stream is over (client gone, or dropped for falling behind).</summary>
        private async Task<Wake> WaitAsync(AlertListener listener, TimeSpan wait, CancellationToken cancellationToken)
        {
            if (wait <= TimeSpan.Zero) return Wake.Timer;
            using var timer = new CancellationTokenSource(wait, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                return await listener.Changes.WaitToReadAsync(either.Token) ? Wake.Changes : Wake.Closed;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Wake.Timer;
            }
            catch (OperationCanceledException)
            {
                return Wake.Closed;
            }
        }
    }
}
