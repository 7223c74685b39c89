using System.IO.Compression;
using System.Text;
using ActivityWatch.Ingestion.Parsing;

namespace ActivityWatch.Ingestion.Tests.Parsing;

internal static class ParsingKit
{
    public const string Source = "s3://trail-bucket/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/file.json.gz";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    /// <param name="readSize">At most this many bytes per read, as a network stream may hand them over.</param>
    public static async Task<(LogFormat Format, List<ParsedRecord> Positions)> ReadAllAsync(byte[] bytes, long startPosition = 0, int? readSize = null)
    {
        Stream content = readSize is { } size ? new TrickleStream(bytes, size) : new MemoryStream(bytes);
        await using var log = await LogObjectReader.OpenAsync(content, Source, CancellationToken.None);
        var positions = new List<ParsedRecord>();
        await foreach (var parsed in log.ReadAsync(startPosition, CancellationToken.None)) positions.Add(parsed);
        return (log.Format, positions);
    }

    public static Task<(LogFormat Format, List<ParsedRecord> Positions)> ReadAllAsync(string text, long startPosition = 0) =>
        ReadAllAsync(Utf8(text), startPosition);

    public static async Task<Monitoring.Records.ActivityRecorded> ReadSingleAsync(string text)
    {
        var (_, positions) = await ReadAllAsync(text);
        var only = Assert.Single(positions);
        Assert.Null(only.Rejection?.Reason);
        return only.Record!;
    }

    public static string Records(params string[] records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    /// <summary>Every position is either a record or a rejection, numbered 0..n-1 in order.</summary>
    public static void AssertWellFormed(List<ParsedRecord> positions)
    {
        for (var i = 0; i < positions.Count; i++)
        {
            Assert.Equal(i, positions[i].Position);
            Assert.True(positions[i].Record is null ^ positions[i].Rejection is null);
            if (positions[i].Record is { } r) Assert.Equal(i, r.Position);
            if (positions[i].Rejection is { } j) Assert.Equal(i, j.Position);
        }
    }

    private sealed class TrickleStream(byte[] content, int readSize) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, readSize)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, readSize), cancellationToken);
    }
}
