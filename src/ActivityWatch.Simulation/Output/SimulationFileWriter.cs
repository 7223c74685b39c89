using System.IO.Compression;
using System.Text;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Output;

/// <summary>Streams records into files laid out as AWS delivers them: one gzipped CloudTrail file per
/// account and region per 5-minute window with records, hourly digest files, and S3 access log objects
/// per bucket per hour. Holds one window of CloudTrail records and one hour of access log lines.</summary>
internal sealed class SimulationFileWriter(SimulationOptions options, SimulatedOrganization organization, string outDir)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly SimulationRandom _random = new(unchecked(options.Seed * 31337 + 5));
    private readonly SortedDictionary<(string Account, string Region), List<SimulatedRecord>> _window = new();
    private readonly SortedDictionary<string, StringBuilder> _accessLines = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _scenarioRecords = new(StringComparer.Ordinal);
    private readonly MemoryStream _content = new();
    private DigestWriter? _digests;
    private int _files;
    private long _cloudTrailRecords;
    private long _s3AccessRecords;

    public Task<SimulationSummary> WriteAsync(IEnumerable<SimulatedRecord> records, CancellationToken ct) =>
        Task.Run(() => Write(records, ct), ct);

    private SimulationSummary Write(IEnumerable<SimulatedRecord> records, CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        _digests = new DigestWriter(organization, _random, outDir);
        var windowStart = DateTimeOffset.MinValue;
        var hourStart = DateTimeOffset.MinValue;
        foreach (var record in records)
        {
            var recordWindow = Floor(record.Time, TimeSpan.FromMinutes(5));
            if (recordWindow != windowStart)
            {
                ct.ThrowIfCancellationRequested();
                FlushCloudTrail(windowStart);
                windowStart = recordWindow;
                var recordHour = Floor(record.Time, TimeSpan.FromHours(1));
                if (recordHour != hourStart)
                {
                    FlushAccessLogs(hourStart);
                    // Every hour gets its digest, quiet ones too, so the chain has no gaps.
                    for (var closing = hourStart; hourStart != DateTimeOffset.MinValue && closing < recordHour; closing = closing.AddHours(1))
                    {
                        _files += _digests.CloseHour(closing);
                    }

                    hourStart = recordHour;
                }
            }

            if (record.Scenario is { } scenario)
            {
                _scenarioRecords[scenario] = _scenarioRecords.GetValueOrDefault(scenario) + 1;
            }

            if (record.Kind == SimulatedLogKind.CloudTrail)
            {
                _cloudTrailRecords++;
                var key = (record.Account, record.Region);
                if (!_window.TryGetValue(key, out var list))
                {
                    _window[key] = list = [];
                }

                list.Add(record);
            }
            else
            {
                _s3AccessRecords++;
                var bucket = BucketOf(record.Text);
                if (!_accessLines.TryGetValue(bucket, out var lines))
                {
                    _accessLines[bucket] = lines = new StringBuilder();
                }

                lines.Append(record.Text).Append('\n');
            }
        }

        FlushCloudTrail(windowStart);
        FlushAccessLogs(hourStart);
        _files += _digests.CloseHour(hourStart);
        return new SimulationSummary(_files, _cloudTrailRecords, _s3AccessRecords, new Dictionary<string, int>(_scenarioRecords, StringComparer.Ordinal));
    }

    private void FlushCloudTrail(DateTimeOffset windowStart)
    {
        foreach (var ((account, region), list) in _window)
        {
            if (list.Count == 0)
            {
                continue;
            }

            // CloudTrail delivers a window's file a few minutes after it closes; the name carries that time.
            var delivered = windowStart.AddMinutes(5);
            var key = CloudTrailFileNames.LogFile(account, region, delivered, _random.Alphanumeric(16));
            _content.SetLength(0);
            _content.Write("{\"Records\":["u8);
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    _content.WriteByte((byte)',');
                }

                var text = list[i].Text;
                var bytes = Utf8.GetBytes(text);
                _content.Write(bytes);
            }

            _content.Write("]}"u8);
            WriteGzip(key, _content);
            _digests!.AddLogFile(account, region, key, _content, list[0].Time, list[^1].Time);
            _files++;
            list.Clear();
        }
    }

    private void FlushAccessLogs(DateTimeOffset hourStart)
    {
        foreach (var (bucket, lines) in _accessLines)
        {
            if (lines.Length == 0)
            {
                continue;
            }

            var delivered = hourStart.AddHours(1).AddSeconds(_random.Next(60, 900));
            var path = Path.Combine(outDir, CloudTrailFileNames.S3AccessLogFile(bucket, delivered, _random.UpperHexString(16)));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, lines.ToString(), Utf8);
            lines.Clear();
            _files++;
        }
    }

    private void WriteGzip(string key, MemoryStream data)
    {
        var path = Path.Combine(outDir, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65536);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(data.GetBuffer(), 0, (int)data.Length);
    }

    private static string BucketOf(string line)
    {
        var first = line.IndexOf(' ');
        var second = line.IndexOf(' ', first + 1);
        return line[(first + 1)..second];
    }

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan unit) =>
        new(time.UtcTicks - time.UtcTicks % unit.Ticks, TimeSpan.Zero);
}
