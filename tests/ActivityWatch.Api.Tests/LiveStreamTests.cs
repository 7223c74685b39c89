using System.Diagnostics.Metrics;
using System.Net;
using ActivityWatch.Api.Live;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>Live streams re-checked every second, at most two per caller.</summary>
public sealed class LiveStreamServer : ApiServer
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ActivityWatch:Api:LiveRecheckInterval"] = "00:00:01";
        settings["ActivityWatch:Api:LiveStreamsPerCaller"] = "2";
    }
}

public class LiveStreamTests(LiveStreamServer server) : IClassFixture<LiveStreamServer>
{
    private async Task<HttpClient> NewKeyAsync(string name)
    {
        var issued = await server.Get<ApiKeys>().CreateAsync(name, AnalystRoles.Viewer, "tests", CancellationToken.None);
        var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Secret);
        return client;
    }

    [Fact]
    public async Task RevokingTheKey_ClosesItsOpenStream()
    {
        var issued = await server.Get<ApiKeys>().CreateAsync("revoked-while-streaming", AnalystRoles.Viewer, "tests", CancellationToken.None);
        using var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Secret);
        var (response, reader) = await LiveStreams.OpenAsync(client);
        using var _ = response;
        Assert.Equal("event: ready", await reader.ReadLineAsync());

        await server.Get<ApiKeys>().RevokeAsync(issued.Key.Id, "tests", CancellationToken.None);
        var lines = await LiveStreams.ReadToEndAsync(reader, TimeSpan.FromSeconds(30));

        Assert.Contains("event: unauthorized", lines);
    }

    [Fact]
    public async Task StreamsBeyondTheCap_Answer429_OnlyForThatCaller_UntilOneCloses()
    {
        using var capped = await NewKeyAsync("three-tabs");
        using var other = await NewKeyAsync("someone-else");
        var (first, firstReader) = await LiveStreams.OpenAsync(capped);
        var (second, _) = await LiveStreams.OpenAsync(capped);
        using var _2 = second;
        Assert.Equal("event: ready", await firstReader.ReadLineAsync());

        using var third = await capped.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        var (elsewhere, _) = await LiveStreams.OpenAsync(other);
        using var _3 = elsewhere;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);

        // Closing a stream frees its slot once the server notices the client went away.
        first.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode again;
        do
        {
            await Task.Delay(200);
            using var retry = await capped.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
            again = retry.StatusCode;
        }
        while (again != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task ManyStreams_ShareOneDatabasePoll_AndEachGetsTheNewAlert()
    {
        var streams = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        foreach (var role in AnalystRoles.All) streams.Add(await LiveStreams.OpenAsync(server.Client(role)));
        foreach (var (_, reader) in streams) Assert.Equal("event: ready", await reader.ReadLineAsync());
        // Each stream reads the store once on its own to catch up after "ready": let that pass before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));

        long reads = 0;
        using var listener = new MeterListener();
        var meters = server.Get<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AlertFeed.MeterName && instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref reads, value));
        listener.Start();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var polls = Interlocked.Read(ref reads);
        var interval = TimeSpan.FromMilliseconds(200);

        // One poll per interval for all three streams (one each would be three times as many).
        Assert.True(polls >= 1, "the streams are fed by a poll");
        Assert.True(polls <= watch.Elapsed / interval + 2, $"{polls} reads in {watch.Elapsed.TotalSeconds:F1} s for three streams");

        await server.IngestAsync(CloudTrailRecords.ConsoleLogin(userName: "fanout", mfaUsed: "No", time: DateTimeOffset.UtcNow));
        foreach (var (response, reader) in streams)
        {
            var line = await LiveStreams.ReadUntilAsync(reader, l => l.StartsWith("data: {", StringComparison.Ordinal) && l.Contains("user/fanout"), TimeSpan.FromSeconds(90));
            Assert.Contains("\"kind\":\"alert_raised\"", line);
            response.Dispose();
        }
    }
}
