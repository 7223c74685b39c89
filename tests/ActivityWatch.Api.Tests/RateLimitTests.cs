using System.Net;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Tests;

/// <summary>Tight limits, so the rate limiter shows: 20 requests a minute and one in flight per caller.</summary>
public sealed class RateLimitedServer : ApiServer
{
    public const int PerMinute = 20;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ActivityWatch:Api:RateLimit:PermitsPerMinute"] = PerMinute.ToString();
        settings["ActivityWatch:Api:RateLimit:ConcurrentRequests"] = "1";
    }
}

public class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task PastTheWindow_ACallerGets429WithAProblemAndRetryAfter_OthersAndHealthDoNot()
    {
        using var viewer = server.Client(AnalystRoles.Viewer);
        using var admin = server.Client(AnalystRoles.Admin);
        using var anonymous = server.Client();
        for (var i = 0; i < RateLimitedServer.PerMinute; i++)
        {
            using var allowed = await viewer.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await viewer.GetAsync("/api/me");
        using var otherCaller = await admin.GetAsync("/api/me");
        var health = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedServer.PerMinute * 2; i++)
        {
            using var live = await anonymous.GetAsync("/health/live");
            health.Add(live.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.ReadAsync()).GetProperty("status").GetInt32());
        Assert.NotNull(refused.Headers.RetryAfter);
        Headers.AssertSecure(refused);
        Assert.Equal(HttpStatusCode.OK, otherCaller.StatusCode);
        Assert.All(health, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task WhileARequestIsInFlight_TheSameCallersNextGets429()
    {
        using var responder = server.Client(AnalystRoles.Responder);
        var body = new HeldBody();
        // A request whose body has not finished arriving has passed the limiter and is waiting in its endpoint.
        var held = responder.PostAsync("/api/rules/root.api-call/replay", body);
        await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10 && !statuses.Contains(HttpStatusCode.TooManyRequests); attempt++)
        {
            await Task.Delay(300);
            using var next = await responder.GetAsync("/api/me");
            statuses.Add(next.StatusCode);
        }
        body.Finish();
        using var finished = await held;

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        using var afterwards = await responder.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    /// <summary>A JSON body sent in two parts, the second only when the test says so.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody() => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"since\":"u8.ToArray());
            await stream.FlushAsync();
            Started.TrySetResult();
            await _finish.Task;
            await stream.WriteAsync("null}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
