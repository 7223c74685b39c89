using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;
using Marten;
using Npgsql;

namespace ActivityWatch.Monitoring.Tests.Store;

/// <summary>Record events keep their body in mt_events.bdata; records stored earlier, in data, still read.</summary>
public sealed class EventBodiesTests
{
    private const string Record = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","accessKeyId":"AKIABODY000000000001","userName":"alice"},
         "eventTime":"2026-11-02T08:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.10",
         "userAgent":"aws-cli/2.15.0","requestParameters":null,"responseElements":null,"eventID":"0b0d1e5a-7c55-4a53-9c2e-bodies000001","eventType":"AwsApiCall",
         "recipientAccountId":"123456789012","fieldAwsAddsLater":{"nested":[1,"two"]}}
        """;

    [Fact]
    public async Task NewRecord_BodyInBdataAsJson_CompressedWithLz4_RawRecordReadBackWhole()
    {
        await using var host = await TestHost.StartAsync(nameof(EventBodiesTests));
        await host.IngestCloudTrailAsync(Record);

        Assert.Equal(("{}", true), await StorageAsync(host));
        Assert.Equal("l", await host.SqlAsync("SELECT attcompression::text FROM pg_attribute WHERE attrelid = '{schema}.mt_events'::regclass AND attname = 'bdata'"));
        await AssertReadableAsync(host);
    }

    [Fact]
    public async Task RecordStoredBeforeBdata_BodyInData_StillReadByTimelineAndMarten()
    {
        await using var host = await TestHost.StartAsync(nameof(EventBodiesTests));
        await host.IngestCloudTrailAsync(Record);
        // The row as the previous version wrote it: the JSON body in the jsonb column, bdata null.
        await host.SqlAsync("UPDATE {schema}.mt_events SET data = convert_from(bdata, 'UTF8')::jsonb, bdata = NULL WHERE bdata IS NOT NULL");

        Assert.Equal(("ListUsers", false), await StorageAsync(host, "data ->> 'eventName'"));
        await AssertReadableAsync(host);
    }

    private static async Task AssertReadableAsync(TestHost host)
    {
        var entry = Assert.Single(await host.Get<TimelineQueries>().SearchAsync(new TimelineFilter { EventName = "ListUsers", IncludeRaw = true }, CancellationToken.None));
        Assert.Equal("two", entry.Raw!.Value.GetProperty("fieldAwsAddsLater").GetProperty("nested")[1].GetString());

        await using var session = host.Store.QuerySession();
        var recorded = Assert.Single((await session.Events.QueryAllRawEvents().ToListAsync()).Select(e => e.Data).OfType<ActivityRecorded>());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", recorded.Principal);
        Assert.Equal("AKIABODY000000000001", recorded.Raw!.Value.GetProperty("userIdentity").GetProperty("accessKeyId").GetString());
    }

    private static async Task<(string? Data, bool Binary)> StorageAsync(TestHost host, string data = "data::text")
    {
        await using var command = host.Get<NpgsqlDataSource>().CreateCommand(
            $"SELECT {data}, bdata IS NOT NULL FROM {host.Schema}.mt_events WHERE type = 'activity_recorded'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetBoolean(1));
    }
}
