using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Ingestion.Tests.Aws;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Testing;

namespace ActivityWatch.Ingestion.Tests.Integrity;

/// <summary>CloudTrail log file integrity (CIS 3.2) on a copy of a trail bucket on disk.</summary>
public sealed class LogFileIntegrityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour0 = TestLogs.Start;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-integrity-");
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(LogFileIntegrityTests));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private static TestTrail FourHours() => new TestTrail().Hour(Hour0).Hour(Hour0.AddHours(1)).Hour(Hour0.AddHours(2)).Hour(Hour0.AddHours(3));

    private string PathOf(string key) => Path.Combine(_dir.FullName, key);

    private async Task<IReadOnlyList<IntegrityFinding>> AllFindingsAsync()
    {
        await using var command = _host.Get<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"SELECT id, kind, trail, trail_arn, account_id, subject, detail, occurred_at FROM {_host.Schema}.aw_integrity_findings ORDER BY id");
        var findings = new List<IntegrityFinding>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            findings.Add(new IntegrityFinding(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        return findings;
    }

    private async Task<TrailIntegrity> TrailAsync() => Assert.Single(await _host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None));

    [Fact]
    public async Task UntouchedTrail_VerifiesEveryHour_AndRaisesNothing()
    {
        var trail = FourHours();
        trail.WriteTo(_dir.FullName);

        var summary = await _host.IngestFilesAsync(_dir.FullName);

        Assert.Equal(4, summary.DigestFiles);
        Assert.Equal(0, summary.IntegrityFindings);
        Assert.True(summary.Balanced);
        Assert.Equal(24, summary.Ingested);
        Assert.Empty(await AllFindingsAsync());
        var status = await TrailAsync();
        Assert.Equal(4, status.Digests);
        Assert.Equal(4, status.Verified);
        Assert.Equal(Hour0.AddHours(4).AddSeconds(31), status.VerifiedThrough);
        Assert.Equal("111122223333", status.AccountId);
        Assert.Equal("us-east-1", status.Region);
        Assert.Equal("main", status.TrailName);
        Assert.Empty(await _host.AlertsAsync(IntegrityAlerts.RuleId));
    }

    [Fact]
    public async Task ModifiedDeletedAndAddedLogFiles_RaiseIntegrityAlerts()
    {
        // A fifth hour: a file no digest lists is called added once a digest two hours later arrived.
        var trail = FourHours().Hour(Hour0.AddHours(4));
        trail.WriteTo(_dir.FullName);
        var modified = trail.LogKeys[4];
        var deleted = trail.LogKeys[7];
        // An attacker rewrites one record of a delivered file, deletes another file, and slips in a file of their own.
        var text = System.Text.Encoding.UTF8.GetString(TestTrail.Gunzip(trail.Objects[modified])).Replace("198.51.100.7", "198.51.100.8");
        await File.WriteAllBytesAsync(PathOf(modified), TestLogs.Gzip(text));
        File.Delete(PathOf(deleted));
        var added = TestLogs.TrailKey("111122223333", "us-east-1", Hour0.AddHours(1).AddMinutes(40), "FORGEDFORGEDFORG");
        await File.WriteAllBytesAsync(PathOf(added), TestLogs.TrailFile("111122223333", "us-east-1", Hour0.AddHours(1).AddMinutes(40), 2, "forged"));

        var summary = await _host.IngestFilesAsync(_dir.FullName);
        await _host.WaitForProjectionsAsync();

        Assert.True(summary.Balanced);
        var findings = await AllFindingsAsync();
        Assert.Equal(3, summary.IntegrityFindings);
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.LogFileModified && f.Subject == modified);
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.LogFileMissing && f.Subject == deleted);
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.LogFileAdded && f.Subject == added);
        Assert.Equal(3, findings.Count);
        var alerts = await _host.AlertsAsync(IntegrityAlerts.RuleId);
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a =>
        {
            Assert.Equal("high", a.Severity);
            Assert.Equal("arn:aws:cloudtrail:us-east-1:111122223333:trail/main", a.Principal);
            Assert.Contains("T1565.001", a.Mitre);
            Assert.Contains("T1070", a.Mitre);
        });
        Assert.Equal(findings.Select(IntegrityAlerts.EvidenceId).Order(), alerts.SelectMany(a => a.EventIds).Order());
        var status = await TrailAsync();
        Assert.Equal(2, status.Failed);
        Assert.Equal(3, status.Findings);
    }

    [Fact]
    public async Task DeletedAndModifiedDigests_BreakTheChain()
    {
        var trail = FourHours().Hour(Hour0.AddHours(4));
        trail.WriteTo(_dir.FullName);
        File.Delete(PathOf(trail.DigestKeys[1]));
        // Same content, one byte more: its SHA-256 no longer matches what the next digest recorded.
        var digest = TestTrail.Gunzip(trail.Objects[trail.DigestKeys[3]]);
        await File.WriteAllBytesAsync(PathOf(trail.DigestKeys[3]), TestTrail.Gzip([.. digest, (byte)' ']));

        var summary = await _host.IngestFilesAsync(_dir.FullName);

        var findings = await AllFindingsAsync();
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.DigestMissing && f.Subject == trail.DigestKeys[1]);
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.DigestModified && f.Subject == trail.DigestKeys[3]);
        Assert.Equal(2, findings.Count);
        Assert.Equal(2, summary.IntegrityFindings);
        Assert.NotEmpty(await _host.AlertsAsync(IntegrityAlerts.RuleId));
    }

    [Fact]
    public async Task ForgedDigestOutsideTheChain_AndARestartedChain_AreFindings()
    {
        var trail = FourHours();
        // A digest slipped between two real ones, vouching for a file of the attacker's: no real digest links to it.
        var forgedFile = TestLogs.TrailKey("111122223333", "us-east-1", Hour0.AddHours(1).AddMinutes(50), "FORGEDFORGEDFORG");
        trail.Objects[forgedFile] = TestLogs.TrailFile("111122223333", "us-east-1", Hour0.AddHours(1).AddMinutes(50), 1, "forged");
        var forger = new TestTrail();
        var forgedDigest = forger.Digest(Hour0.AddHours(1).AddMinutes(30), [(forgedFile, TestTrail.Sha256(TestTrail.Gunzip(trail.Objects[forgedFile])))]);
        trail.Objects[forgedDigest] = forger.Objects[forgedDigest];
        // Later the trail starts a new chain, as after StopLogging and StartLogging.
        trail.Hour(Hour0.AddHours(4), restartChain: true);
        trail.WriteTo(_dir.FullName);

        await _host.IngestFilesAsync(_dir.FullName);

        var findings = await AllFindingsAsync();
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.DigestUnchained && f.Subject == forgedDigest);
        Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.ChainRestarted && f.Subject == trail.DigestKeys[^1]);
    }

    [Fact]
    public async Task ReadingAgain_FindsNothingNew_AndAddsNoEvidence()
    {
        var trail = FourHours();
        trail.WriteTo(_dir.FullName);
        File.Delete(PathOf(trail.LogKeys[5]));
        await _host.IngestFilesAsync(_dir.FullName);
        await _host.WaitForProjectionsAsync();
        var before = await _host.AlertsAsync(IntegrityAlerts.RuleId);

        var again = await _host.Get<IngestionPipeline>().IngestAsync(
            ActivityWatch.Ingestion.Objects.LocalFileFinder.Find([_dir.FullName]), reread: true, progress: null, CancellationToken.None);
        var round = await _host.Get<IntegrityVerifier>().VerifyAsync(settled: true, CancellationToken.None);
        await _host.WaitForProjectionsAsync();

        Assert.Equal(0, again.IntegrityFindings);
        Assert.Empty(round!.Findings);
        Assert.Single(await AllFindingsAsync());
        var after = await _host.AlertsAsync(IntegrityAlerts.RuleId);
        Assert.Equal(before.Select(a => (a.Id, a.Count)), after.Select(a => (a.Id, a.Count)));
    }

    [Fact]
    public async Task FileChangedAfterItWasRead_IsFoundModifiedWhenReadAgain()
    {
        var trail = FourHours();
        trail.WriteTo(_dir.FullName);
        await _host.IngestFilesAsync(_dir.FullName);
        Assert.Empty(await AllFindingsAsync());

        var target = trail.LogKeys[2];
        var text = System.Text.Encoding.UTF8.GetString(TestTrail.Gunzip(trail.Objects[target])).Replace("GetObject", "PutObject");
        await File.WriteAllBytesAsync(PathOf(target), TestLogs.Gzip(text));
        File.SetLastWriteTimeUtc(PathOf(target), DateTime.UtcNow.AddMinutes(1));
        var summary = await _host.IngestFilesAsync(_dir.FullName);

        var finding = Assert.Single(await AllFindingsAsync());
        Assert.Equal(IntegrityFindingKinds.LogFileModified, finding.Kind);
        Assert.Equal(target, finding.Subject);
        Assert.Equal(1, summary.IntegrityFindings);
    }

    [Fact]
    public async Task MalformedDigests_AreQuarantinedAndReported_AndTheIngestBalances()
    {
        var trail = new TestTrail().Hour(Hour0);
        trail.WriteTo(_dir.FullName);
        var bad = new Dictionary<string, byte[]>
        {
            [trail.DigestKey(Hour0.AddHours(2))] = "not gzip, not json"u8.ToArray(),
            [trail.DigestKey(Hour0.AddHours(3))] = TestLogs.Gzip("[1,2,3]"),
            [trail.DigestKey(Hour0.AddHours(4))] = TestLogs.Gzip("""{"awsAccountId":111122223333,"logFiles":"everything"}"""),
            [trail.DigestKey(Hour0.AddHours(5))] = TestLogs.Gzip(new string('[', 100_000)),
            [trail.DigestKey(Hour0.AddHours(6))] = TestLogs.Gzip("""{"awsAccountId":"111122223333","digestStartTime":"yesterday","digestEndTime":{},"digestS3Bucket":"b","digestS3Object":"k","digestPublicKeyFingerprint":"f","logFiles":[]}"""),
            [trail.DigestKey(Hour0.AddHours(7))] = TestLogs.Gzip("""{"awsAccountId":"111122223333","digestStartTime":"2026-11-02T08:00:00Z","digestEndTime":"2026-11-02T09:00:00Z","digestS3Bucket":"b","digestS3Object":"k","digestPublicKeyFingerprint":"f","logFiles":[{"s3Bucket":"b","s3Object":"k","hashValue":"not a hash"}]}"""),
            // Text PostgreSQL refuses (NUL, a lone surrogate), and a key no index entry could hold: reported, never wedging the verifier.
            [trail.DigestKey(Hour0.AddHours(8))] = TestLogs.Gzip("""{"awsAccountId":"111122223333","digestStartTime":"2026-11-02T08:00:00Z","digestEndTime":"2026-11-02T09:00:00Z","digestS3Bucket":"b\u0000","digestS3Object":"k\ud800","digestPublicKeyFingerprint":"f","logFiles":[]}"""),
            [trail.DigestKey(Hour0.AddHours(9))] = TestLogs.Gzip($$"""{"awsAccountId":"111122223333","digestStartTime":"2026-11-02T08:00:00Z","digestEndTime":"2026-11-02T09:00:00Z","digestS3Bucket":"b","digestS3Object":"k","digestPublicKeyFingerprint":"f","logFiles":[{"s3Bucket":"b","s3Object":"{{new string('k', 9000)}}","hashValue":"{{new string('a', 64)}}"}]}"""),
        };
        foreach (var (key, bytes) in bad)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(key))!);
            await File.WriteAllBytesAsync(PathOf(key), bytes);
        }

        var summary = await _host.IngestFilesAsync(_dir.FullName);

        Assert.True(summary.Balanced);
        Assert.Empty(summary.Failures);
        Assert.Equal(bad.Count, summary.Rejected);
        Assert.Equal(bad.Count + 1, summary.DigestFiles);
        var findings = await AllFindingsAsync();
        foreach (var key in bad.Keys)
        {
            Assert.Contains(findings, f => f.Kind == IntegrityFindingKinds.DigestUnreadable && f.Subject == key);
            Assert.Equal(1L, await _host.SqlAsync(
                $"SELECT count(*) FROM {{schema}}.mt_doc_quarantinedrecord WHERE data->>'sourceObject' = '{PathOf(key)}'"));
        }
        Assert.NotEmpty(await _host.AlertsAsync(IntegrityAlerts.RuleId));
    }

    [Fact]
    public async Task SeveralRoundsAtOnce_FindEachFindingOnce()
    {
        var trail = FourHours();
        trail.WriteTo(_dir.FullName);
        File.Delete(PathOf(trail.LogKeys[6]));
        await _host.IngestFilesAsync(_dir.FullName);
        // Judge everything again from scratch, in two processes on the same database at once.
        await _host.SqlAsync("""
            DELETE FROM {schema}.aw_integrity_findings; UPDATE {schema}.aw_integrity_listings SET state = NULL;
            UPDATE {schema}.aw_integrity_log_files SET state = NULL; UPDATE {schema}.aw_integrity_digests SET link = NULL, chain = NULL, verdict = NULL
            """);
        // Each round has its own connection and transaction, as separate processes would: only the database lock orders them.
        var rounds = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => _host.Get<IntegrityVerifier>().VerifyAsync(settled: true, CancellationToken.None))));

        Assert.Equal(1, rounds.Sum(r => r!.Findings.Count));
        var finding = Assert.Single(await AllFindingsAsync());
        Assert.Equal(IntegrityFindingKinds.LogFileMissing, finding.Kind);
    }
}
