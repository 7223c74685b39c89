using System.Net;
using System.Net.Http.Json;
using ActivityWatch.Api.Rules;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Api.Tests;

/// <summary>
/// A clock a month ahead of the machine's (so an entry stamped by anything but the host's
/// TimeProvider shows), and no daemon: alerts here are made by the test and by retro-hunts only.
/// </summary>
public sealed class AuditServer : ApiServer
{
    public static readonly TimeSpan Shift = TimeSpan.FromDays(30);

    protected override void Configure(Dictionary<string, string?> settings) => settings["ActivityWatch:Projections:Daemon"] = "Disabled";

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new ShiftedClock(Shift));

    public static DateTimeOffset Now => DateTimeOffset.UtcNow + Shift;

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

public class AuditTests(AuditServer server) : IClassFixture<AuditServer>
{
    private async Task<(HttpClient Client, string Actor)> KeyAsync(string name, string role)
    {
        var issued = await server.Get<ApiKeys>().CreateAsync(name, role, "tests", CancellationToken.None);
        var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Secret);
        return (client, $"key:{issued.Key.Id}");
    }

    private async Task<Guid> OpenAlertAsync()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var session = server.Get<IDocumentStore>().LightweightSession();
        AlertStreams.Start(session, new AlertRaised(id, "root.console-signin", "Root console sign-in", Severity.High, ["5.3"], ["T1078.004"],
            $"arn:aws:iam::{CloudTrailRecords.Account}:root", CloudTrailRecords.Account, at, at, [$"ev-{id:N}"], "test", at));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>"rows/transactions" for the rows <paramref name="where"/> selects from the event table (transactions by PostgreSQL's xmin).</summary>
    private async Task<string> TransactionsAsync(string where, params object[] parameters) =>
        (string)(await server.SqlAsync($"""
            SELECT count(*) || '/' || count(DISTINCT tx) FROM (
                SELECT e.xmin::text AS tx, e.stream_id, e.type, coalesce(convert_from(e.bdata, 'UTF8')::jsonb, e.data) AS body
                FROM {"{schema}"}.mt_events e) x
            WHERE {where}
            """, parameters))!;

    private async Task<List<AnalystActed>> AuditAsync(string target) =>
        (await server.Get<AuditTrail>().ListAsync(null, 1000, CancellationToken.None)).Where(a => a.Target == target).ToList();

    [Fact]
    public async Task TwoKeysNamedAlice_AreTwoActors_EachChangeCommittingWithItsEntry_StampedByTheHostClock()
    {
        var id = await OpenAlertAsync();
        var (first, firstActor) = await KeyAsync("alice", AnalystRoles.Responder);
        var (second, secondActor) = await KeyAsync("alice", AnalystRoles.Responder);

        using var acknowledged = await first.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "mine" });
        using var noted = await second.PostAsJsonAsync($"/api/alerts/{id}/notes", new { note = "no, mine" });

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var entries = await AuditAsync($"alert/{id}");
        var ack = Assert.Single(entries, e => e.Action == "alert.acknowledge");
        var note = Assert.Single(entries, e => e.Action == "alert.note");
        Assert.Equal((firstActor, "alice"), (ack.Actor, ack.ActorName));
        Assert.Equal((secondActor, "alice"), (note.Actor, note.ActorName));
        Assert.NotEqual(ack.Actor, note.Actor);
        Assert.All(entries, e => Assert.InRange(e.At, AuditServer.Now.AddMinutes(-2), AuditServer.Now.AddMinutes(1)));
        var history = (await noted.ReadAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("by").GetString() == $"alice ({firstActor})");
        Assert.Contains(history, h => h.GetProperty("by").GetString() == $"alice ({secondActor})");
        // The alert's event and its audit entry were written by one transaction, for each action.
        const string ChangeAndEntry = "(stream_id = $1 AND type = $2) OR (type = 'analyst_acted' AND body ->> 'action' = $3 AND body ->> 'target' = $4)";
        Assert.Equal("2/1", await TransactionsAsync(ChangeAndEntry, id.ToString(), "alert_acknowledged", "alert.acknowledge", $"alert/{id}"));
        Assert.Equal("2/1", await TransactionsAsync(ChangeAndEntry, id.ToString(), "alert_note_added", "alert.note", $"alert/{id}"));
    }

    [Theory]
    [InlineData("acknowledge", "note")]
    [InlineData("notes", "note")]
    [InlineData("assign", "assignee")]
    public async Task TooLongText_Answers400_AndChangesNothing(string action, string field)
    {
        var id = await OpenAlertAsync();
        var (client, _) = await KeyAsync("verbose", AnalystRoles.Responder);
        var body = new Dictionary<string, string> { [field] = new('x', field == "note" ? AuditTrail.MaxNoteLength + 1 : 201) };

        using var response = await client.PostAsJsonAsync($"/api/alerts/{id}/{action}", body);
        var problem = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        Assert.Equal(1L, await server.SqlAsync("SELECT count(*) FROM {schema}.mt_events WHERE stream_id = $1", id.ToString()));
        Assert.Empty(await AuditAsync($"alert/{id}"));
    }

    [Fact]
    public async Task NoteWithCharactersJsonbRefuses_IsStored_NotA500()
    {
        var id = await OpenAlertAsync();
        var (client, _) = await KeyAsync("odd-typist", AnalystRoles.Responder);

        using var response = await client.PostAsJsonAsync($"/api/alerts/{id}/notes", new { note = "nul\u0000 and a lone \ud800 surrogate" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await AuditAsync($"alert/{id}"), e => e.Action == "alert.note");
    }

    [Fact]
    public async Task Suppression_AndItsEntry_CommitTogether()
    {
        var (admin, actor) = await KeyAsync("alice", AnalystRoles.Admin);

        using var created = await admin.PostAsJsonAsync("/api/suppressions", new { ruleId = "root.api-call", sourceCidr = "198.51.100.0/24", note = "office" });
        var id = (await created.ReadAsync()).GetProperty("id").GetString()!;
        var together = await server.SqlAsync("""
            SELECT r.xmin::text = e.xmin::text
            FROM {schema}.mt_doc_suppressionrule r, {schema}.mt_events e
            WHERE r.id = $1 AND e.type = 'analyst_acted' AND coalesce(convert_from(e.bdata, 'UTF8')::jsonb, e.data) ->> 'target' = 'suppression/' || $1
            """, id);
        using var removed = await admin.DeleteAsync($"/api/suppressions/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(true, together);
        var entries = await AuditAsync($"suppression/{id}");
        Assert.Equal(["suppression.add", "suppression.remove"], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.Equal((actor, "alice"), (e.Actor, e.ActorName)));
        Assert.All(entries, e => Assert.InRange(e.At, AuditServer.Now.AddMinutes(-2), AuditServer.Now.AddMinutes(1)));
    }

    [Fact]
    public async Task Replay_RecordsItsEntryInTheTransactionOfTheAlertsItRaises()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await server.IngestAsync(CloudTrailRecords.IamUserCall("DeleteFlowLogs", userName: "audited-replay", eventSource: "ec2.amazonaws.com", time: at));
        var (responder, actor) = await KeyAsync("hunter", AnalystRoles.Responder);

        using var response = await responder.PostAsJsonAsync("/api/rules/ec2.flow-logs-deleted/replay", new { since = at.AddMinutes(-1), until = at.AddMinutes(1) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadAsync()).GetProperty("raised").GetInt32());
        var entry = Assert.Single(await AuditAsync("rule/ec2.flow-logs-deleted"), e => e.Actor == actor);
        Assert.InRange(entry.At, AuditServer.Now.AddMinutes(-2), AuditServer.Now.AddMinutes(1));
        Assert.Equal("2/1", await TransactionsAsync("(type = 'alert_raised' AND body ->> 'principal' LIKE '%/audited-replay') OR (type = 'analyst_acted' AND body ->> 'actor' = $1)",
            actor));
    }

    [Fact]
    public async Task Replay_WhileTheSameCallersReplayRuns_IsAConflict_ForThatCallerOnly()
    {
        var (responder, actor) = await KeyAsync("impatient", AnalystRoles.Responder);
        var (other, _) = await KeyAsync("patient", AnalystRoles.Responder);
        var window = new { since = DateTimeOffset.UtcNow.AddDays(-1), until = DateTimeOffset.UtcNow };

        await using (var running = await server.Get<ReplayLocks>().TryTakeAsync(actor, CancellationToken.None))
        {
            Assert.NotNull(running);
            using var second = await responder.PostAsJsonAsync("/api/rules/root.api-call/replay", window);
            using var someoneElse = await other.PostAsJsonAsync("/api/rules/root.api-call/replay", window);

            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        }
        using var afterwards = await responder.PostAsJsonAsync("/api/rules/root.api-call/replay", window);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Replay_OverMoreThanMaxRangeDays_Answers400()
    {
        var (responder, _) = await KeyAsync("greedy", AnalystRoles.Responder);

        using var response = await responder.PostAsJsonAsync("/api/rules/root.api-call/replay",
            new { since = DateTimeOffset.UtcNow.AddDays(-401), until = DateTimeOffset.UtcNow });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("400 days", (await response.ReadAsync()).GetProperty("detail").GetString());
    }
}
