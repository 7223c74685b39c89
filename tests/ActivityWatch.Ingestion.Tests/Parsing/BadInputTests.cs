using ActivityWatch.Ingestion.Parsing;
using static ActivityWatch.Ingestion.Tests.Parsing.CloudTrailSamples;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class BadInputTests
{
    private static string Numbered(int i) => Record(eventId: $"event-{i:D5}");

    [Fact]
    public async Task TruncatedGzip_YieldsEverythingReadable_ThenOneRejection()
    {
        var records = Enumerable.Range(0, 400).Select(Numbered).ToArray();
        var gzip = Gzip(Utf8(Records(records)));
        var truncated = gzip[..(gzip.Length / 2)];

        var (format, positions) = await ReadAllAsync(truncated);

        Assert.Equal(LogFormat.CloudTrailRecords, format);
        AssertWellFormed(positions);
        var last = positions[^1].Rejection!;
        Assert.Matches(@"^truncated gzip stream at decompressed byte \d+$", last.Reason);
        Assert.All(positions[..^1], p => Assert.NotNull(p.Record));
        Assert.InRange(positions.Count, 10, 399);
        Assert.Equal(records.Take(positions.Count - 1).Select((_, i) => $"event-{i:D5}"), positions[..^1].Select(p => p.Record!.RecordId));
    }

    [Fact]
    public async Task TruncatedGzip_OfJsonLines_DoesNotYieldTheCutLineAsARecord()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 300).Select(Numbered)) + "\n";
        var gzip = Gzip(Utf8(lines));

        var (_, positions) = await ReadAllAsync(gzip[..(gzip.Length * 2 / 3)]);

        AssertWellFormed(positions);
        Assert.Contains("truncated gzip stream", positions[^1].Rejection!.Reason);
        Assert.All(positions[..^1], p => Assert.NotNull(p.Record));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task GzipOfSeveralMembers_IsReadWhole_WithoutATruncationError(int? readSize)
    {
        // RFC 1952 allows concatenated members (`cat a.gz b.gz`, some log shippers); only the last
        // member's trailer describes the last member, so it must not be read as a cut-off stream.
        var lines = Enumerable.Range(0, 300).Select(Numbered).ToArray();
        var members = new[] { lines[..100], lines[100..101], lines[101..] }
            .SelectMany(part => Gzip(Utf8(string.Join("\n", part) + "\n"))).ToArray();

        var (_, positions) = await ReadAllAsync(members, readSize: readSize);

        AssertWellFormed(positions);
        Assert.Equal(300, positions.Count);
        Assert.All(positions, p => Assert.NotNull(p.Record));
    }

    [Fact]
    public async Task GzipOfSeveralMembers_CutInItsLastMember_IsReportedTruncated()
    {
        var lines = Enumerable.Range(0, 300).Select(Numbered).ToArray();
        var first = Gzip(Utf8(string.Join("\n", lines[..150]) + "\n"));
        var second = Gzip(Utf8(string.Join("\n", lines[150..]) + "\n"));
        var cut = first.Concat(second[..(second.Length / 2)]).ToArray();

        var (_, positions) = await ReadAllAsync(cut);

        AssertWellFormed(positions);
        Assert.Contains("truncated gzip stream", positions[^1].Rejection!.Reason);
        Assert.InRange(positions.Count, 151, 300);
    }

    [Fact]
    public async Task TruncatedGzip_BeforeAnyContent_IsStillReported()
    {
        var gzip = Gzip(Utf8(Records(Record())));

        var (_, positions) = await ReadAllAsync(gzip[..5]);

        Assert.Contains("truncated gzip stream at decompressed byte 0", Assert.Single(positions).Rejection!.Reason);
    }

    [Fact]
    public async Task InvalidJsonInOneElement_RejectsOnlyThatElement()
    {
        const string broken = """{"eventVersion":"1.08","eventTime":"2024-01-15T09:30:12Z","eventName": tru, "x": [1,,2]}""";

        var (_, positions) = await ReadAllAsync(Gzip(Utf8(Records(Numbered(0), broken, Numbered(2)))));

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.Equal("event-00000", positions[0].Record!.RecordId);
        Assert.StartsWith("invalid JSON", positions[1].Rejection!.Reason);
        Assert.Equal(broken, positions[1].Rejection!.Excerpt);
        Assert.Equal("event-00002", positions[2].Record!.RecordId);
        Assert.Equal("{\"Records\":[".Length + Numbered(0).Length + 1, positions[1].Rejection!.ByteOffset);
    }

    [Fact]
    public async Task BrokenArrayStructure_RejectsTheRestAsOne_AndStops()
    {
        var content = "{\"Records\":[" + Numbered(0) + "," + Numbered(1) + "}} garbage " + Numbered(2) + "]}";

        var (_, positions) = await ReadAllAsync(content);

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.NotNull(positions[1].Record);
        var rest = positions[2].Rejection!;
        Assert.Contains("the array is broken at byte", rest.Reason);
        Assert.Equal(content.IndexOf("}} garbage", StringComparison.Ordinal), rest.ByteOffset);
        Assert.StartsWith("}} garbage", rest.Excerpt);
    }

    [Fact]
    public async Task InvalidUtf8InARecord_RejectsOnlyThatRecord()
    {
        var good = Utf8(Numbered(0));
        var bad = Utf8(Numbered(1).Replace("Alice", "Al\u0001ce"));
        bad[Array.IndexOf(bad, (byte)1)] = 0xFF;
        var content = Utf8("{\"Records\":[").Concat(good).Concat(Utf8(",")).Concat(bad).Concat(Utf8(",")).Concat(Utf8(Numbered(2))).Concat(Utf8("]}")).ToArray();

        var (_, positions) = await ReadAllAsync(content);

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.Contains("not valid UTF-8", positions[1].Rejection!.Reason);
        Assert.Contains("Al\uFFFDce", positions[1].Rejection!.Excerpt);
        Assert.NotNull(positions[0].Record);
        Assert.NotNull(positions[2].Record);
    }

    [Theory]
    [InlineData("42", "not an object")]
    [InlineData("\"a string\"", "not an object")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("null", "not an object")]
    [InlineData("""{"eventVersion":"1.08","eventName":"Nothing"}""", "no eventTime")]
    [InlineData("""{"eventVersion":"1.08","eventTime":"yesterday"}""", "not an ISO 8601 time")]
    [InlineData("""{"eventVersion":"1.08","eventTime":12345}""", "eventTime is a JSON number")]
    public async Task RecordOfTheWrongShape_IsRejected(string element, string reason)
    {
        var (_, positions) = await ReadAllAsync(Records(Numbered(0), element, Numbered(2)));

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.Contains(reason, positions[1].Rejection!.Reason);
        Assert.NotNull(positions[2].Record);
    }

    [Fact]
    public async Task JsonLines_EachBadLineIsRejectedWithItsLineNumber()
    {
        var content = Numbered(0) + "\n" + Numbered(1)[..100] + "\nnot json at all\n\n" + Numbered(3) + "\n";

        var (_, positions) = await ReadAllAsync(content);

        AssertWellFormed(positions);
        Assert.Equal(4, positions.Count);
        Assert.Equal(2, positions[1].Rejection!.Line);
        Assert.Contains("line 2: the line ends inside a JSON value", positions[1].Rejection!.Reason);
        Assert.Equal(3, positions[2].Rejection!.Line);
        Assert.Equal("event-00003", positions[3].Record!.RecordId);
    }

    [Fact]
    public async Task UnterminatedLastElement_InPlainContent_IsRejected()
    {
        var content = "{\"Records\":[" + Numbered(0) + "," + Numbered(1)[..200];

        var (_, positions) = await ReadAllAsync(content);

        Assert.Equal(2, positions.Count);
        Assert.Contains("unexpected end of content inside the record", positions[1].Rejection!.Reason);
    }

    [Fact]
    public async Task Excerpt_IsCappedNear500Bytes()
    {
        var big = "{\"eventTime\":\"bad\",\"padding\":\"" + new string('x', 5000) + "\"}";

        var (_, positions) = await ReadAllAsync(Records(big));

        Assert.Equal(500, positions[0].Rejection!.Excerpt!.Length);
    }

    [Fact]
    public async Task RecordLongerThanTheLimit_IsRejected_WithoutBufferingIt()
    {
        var huge = Record(eventId: "huge", extra: ",\"padding\":\"" + new string('x', 20_000) + "\"");
        var content = Utf8(Records(Numbered(0), huge, Numbered(2)));
        var limits = new ReaderLimits(InitialBufferBytes: 1024, MaxRecordBytes: 4096);

        await using var log = await LogObjectReader.OpenAsync(new MemoryStream(content), Source, limits, default);
        var positions = new List<ParsedRecord>();
        await foreach (var parsed in log.ReadAsync(0, default)) positions.Add(parsed);

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.Contains("longer than the 4096 byte limit", positions[1].Rejection!.Reason);
        Assert.Equal("event-00002", positions[2].Record!.RecordId);
        Assert.True(log.PeakBufferBytes <= 4096, $"peak {log.PeakBufferBytes}");
    }
}
