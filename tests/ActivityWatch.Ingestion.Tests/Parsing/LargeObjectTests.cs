using System.IO.Compression;
using System.Text;
using ActivityWatch.Ingestion.Parsing;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

[Collection(MemoryMeasuringCollection.Name)]
public class LargeObjectTests
{
    private const int RecordCount = 200_000;

    [Fact]
    public async Task LargeGzippedRecordsArray_IsStreamedWithBoundedMemory()
    {
        var (gzip, decompressedBytes) = BuildDeliveryFile(RecordCount);

        await using var log = await LogObjectReader.OpenAsync(new MemoryStream(gzip), Source, default);
        var records = 0L;
        var rejections = 0L;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peakManaged = 0L;
        await foreach (var parsed in log.ReadAsync(0, default))
        {
            if (parsed.Record is not null) records++;
            else rejections++;
            if (parsed.Position % 20_000 == 0) peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false) - baseline);
        }

        Assert.Equal(RecordCount, records);
        Assert.Equal(0, rejections);
        Assert.True(log.PeakBufferBytes <= 128 * 1024, $"read buffer grew to {log.PeakBufferBytes} bytes");
        Assert.True(peakManaged < decompressedBytes / 4, $"managed heap grew by {peakManaged} bytes for {decompressedBytes} bytes of content");
    }

    private static (byte[] Gzip, long DecompressedBytes) BuildDeliveryFile(int count)
    {
        var output = new MemoryStream();
        long written = 0;
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            void Write(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                gzip.Write(bytes);
                written += bytes.Length;
            }
            Write("{\"Records\":[");
            for (var i = 0; i < count; i++)
            {
                if (i > 0) Write(",");
                Write(CloudTrailSamples.Record(eventId: Guid.NewGuid().ToString(), eventTime: $"2024-01-15T{i / 3600 % 24:D2}:{i / 60 % 60:D2}:{i % 60:D2}Z"));
            }
            Write("]}");
        }
        return (output.ToArray(), written);
    }
}
