using static ActivityWatch.Ingestion.Tests.Parsing.CloudTrailSamples;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class ResumeTests
{
    [Fact]
    public async Task StartPosition_SkipsEarlierPositions_KeepingTheirNumbers()
    {
        var content = Gzip(Utf8(Records(Record(eventId: "a"), "42", Record(eventId: "c"), Record(eventId: "d"))));

        var (_, all) = await ReadAllAsync(content);
        var (_, resumed) = await ReadAllAsync(content, startPosition: 2);

        Assert.Equal(4, all.Count);
        Assert.Equal(new long[] { 2, 3 }, resumed.Select(p => p.Position));
        Assert.Equal(all.Skip(2).Select(p => p.Record!.RecordKey), resumed.Select(p => p.Record!.RecordKey));
        Assert.Equal(2, resumed[0].Record!.Position);
    }

    [Fact]
    public async Task StartPosition_CountsEveryValueOfAJsonLine()
    {
        var content = Record(eventId: "a") + Record(eventId: "b") + "\n" + Record(eventId: "c") + "\n";

        var (_, resumed) = await ReadAllAsync(content, startPosition: 1);

        Assert.Equal(new[] { "b", "c" }, resumed.Select(p => p.Record!.RecordId));
        Assert.Equal(new long[] { 1, 2 }, resumed.Select(p => p.Position));
    }

    [Fact]
    public async Task StartPosition_InS3AccessLogs_CountsNonBlankLines()
    {
        var content = S3AccessLogSamples.Current + "\n\n" + S3AccessLogSamples.Anonymous + "\n";

        var (_, resumed) = await ReadAllAsync(content, startPosition: 1);

        var only = Assert.Single(resumed);
        Assert.Equal(1, only.Position);
        Assert.Equal("anonymous", only.Record!.Principal);
    }
}
