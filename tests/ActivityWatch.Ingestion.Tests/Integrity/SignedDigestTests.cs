using System.Security.Cryptography;
using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Tests.Aws;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ActivityWatch.Ingestion.Tests.Integrity;

/// <summary>
/// Digest signatures, with a key pair of our own standing in for CloudTrail's (its public keys come only
/// from the CloudTrail API): checked when ActivityWatch:Integrity:PublicKeysPath names the key file.
/// </summary>
public sealed class SignedDigestTests : IDisposable
{
    private static readonly DateTimeOffset Hour0 = TestLogs.Start;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"aw-public-keys-{Guid.NewGuid():N}.json");

    public SignedDigestTests() => File.WriteAllText(_keys, TestTrail.PublicKeysJson(_key));

    public void Dispose()
    {
        _key.Dispose();
        File.Delete(_keys);
    }

    private Task<AwsTestBed> BedAsync(string name, string bucket, TimeProvider? clock = null) =>
        AwsTestBed.StartAsync(name, new Dictionary<string, string?> { ["ActivityWatch:Integrity:PublicKeysPath"] = _keys }, bucket: bucket,
            configure: clock is null ? null : builder => builder.Services.AddSingleton(clock));

    private static async Task PutTrailAsync(AwsTestBed bed, TestTrail trail, Func<string, string>? signature = null)
    {
        foreach (var (key, bytes) in trail.Objects)
        {
            var metadata = trail.Signatures.TryGetValue(key, out var signed)
                ? new Dictionary<string, string> { ["signature"] = signature?.Invoke(key) ?? signed, ["signature-algorithm"] = "SHA256withRSA" }
                : null;
            await bed.PutAsync(key, bytes, metadata);
        }
    }

    private static async Task<TrailIntegrity> TrailAsync(AwsTestBed bed) =>
        Assert.Single(await bed.Host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None));

    [Fact]
    public async Task SignedDigestsInS3_VerifyWithThePublicKeyFile()
    {
        var bucket = $"aw-signed-{Guid.NewGuid():N}"[..26];
        await using var bed = await BedAsync(nameof(SignedDigestsInS3_VerifyWithThePublicKeyFile), bucket);
        var trail = new TestTrail(bucket: bucket, signer: _key).Hour(Hour0).Hour(Hour0.AddHours(1)).Hour(Hour0.AddHours(2));
        await PutTrailAsync(bed, trail);

        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bucket}/AWSLogs/")], false, null, CancellationToken.None);

        Assert.Equal(0, summary.IntegrityFindings);
        var status = await TrailAsync(bed);
        Assert.Equal(3, status.SignaturesValid);
        Assert.Equal(3, status.Verified);
        Assert.Equal(Hour0.AddHours(3).AddSeconds(31), status.VerifiedThrough);
    }

    [Fact]
    public async Task DigestSignedWithAnotherKey_IsAnIntegrityAlert()
    {
        var bucket = $"aw-forged-{Guid.NewGuid():N}"[..26];
        await using var bed = await BedAsync(nameof(DigestSignedWithAnotherKey_IsAnIntegrityAlert), bucket);
        using var attacker = RSA.Create(2048);
        var trail = new TestTrail(bucket: bucket, signer: _key).Hour(Hour0).Hour(Hour0.AddHours(1));
        // The attacker rewrites the newest digest (no successor contradicts its hash yet), keeps its link to the
        // previous one, and signs it with their own key: only the signature gives it away.
        var newest = trail.DigestKeys[^1];
        trail.Rewrite(newest, json => json.Replace("\"digestSignatureAlgorithm\":\"SHA256withRSA\"", "\"digestSignatureAlgorithm\":\"SHA256withRSA\" "), attacker);
        await PutTrailAsync(bed, trail);

        await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bucket}/AWSLogs/")], false, null, CancellationToken.None);
        await bed.Host.WaitForProjectionsAsync();

        var alert = Assert.Single(await bed.Host.AlertsAsync(IntegrityAlerts.RuleId));
        Assert.Contains(alert.EventIds, id => id.StartsWith($"integrity:{IntegrityFindingKinds.SignatureInvalid}|{newest}|", StringComparison.Ordinal));
        var status = await TrailAsync(bed);
        Assert.Equal(1, status.SignaturesValid);
        Assert.Equal(1, status.Failed);
    }

    [Fact]
    public async Task DigestsOnDisk_AreCheckedWithTheSignatureTheNextDigestRecords()
    {
        var dir = Directory.CreateTempSubdirectory("aw-signed-");
        try
        {
            await using var host = await TestHost.StartAsync(nameof(DigestsOnDisk_AreCheckedWithTheSignatureTheNextDigestRecords),
                settings: new Dictionary<string, string?> { ["ActivityWatch:Integrity:PublicKeysPath"] = _keys });
            new TestTrail(signer: _key).Hour(Hour0).Hour(Hour0.AddHours(1)).Hour(Hour0.AddHours(2)).WriteTo(dir.FullName);

            var summary = await host.IngestFilesAsync(dir.FullName);

            Assert.Equal(0, summary.IntegrityFindings);
            var status = Assert.Single(await host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None));
            // A file on disk has no metadata: the newest digest's signature is known once the next one arrives.
            Assert.Equal(2, status.SignaturesValid);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NotificationsInAnyOrder_VerifyOnceTheGraceHasPassed_AndADeletedFileIsFound()
    {
        var bucket = $"aw-sqs-int-{Guid.NewGuid():N}"[..26];
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await BedAsync(nameof(NotificationsInAnyOrder_VerifyOnceTheGraceHasPassed_AndADeletedFileIsFound), bucket, clock);
        var trail = new TestTrail(bucket: bucket, signer: _key).Hour(Hour0).Hour(Hour0.AddHours(1)).Hour(Hour0.AddHours(2));
        await PutTrailAsync(bed, trail);
        var deleted = trail.LogKeys[4];
        await bed.S3.DeleteObjectAsync(bucket, deleted);
        // Newest first: the digests arrive before the files they list.
        foreach (var key in trail.Objects.Keys.Where(k => k != deleted).Reverse())
            await bed.SendAsync(AwsTestBed.S3EventMessage(bucket, key, null, trail.Objects[key].Length));
        var consumer = bed.Host.Get<QueueConsumer>();

        while (await consumer.ReceiveOnceAsync(bed.QueueUrl, 1, CancellationToken.None) > 0) { }
        var early = await bed.Host.Get<IntegrityVerifier>().VerifyAsync(settled: false, CancellationToken.None);
        var pending = await TrailAsync(bed);
        clock.Advance(new IntegrityOptions().Grace + TimeSpan.FromMinutes(1));
        var late = await bed.Host.Get<IntegrityVerifier>().VerifyAsync(settled: false, CancellationToken.None);

        // Within the grace time nothing is called missing: its notification may still be on its way.
        Assert.Empty(early!.Findings);
        Assert.Equal(0, pending.Findings);
        var finding = Assert.Single(late!.Findings);
        Assert.Equal(IntegrityFindingKinds.LogFileMissing, finding.Kind);
        Assert.Equal(deleted, finding.Subject);
        var status = await TrailAsync(bed);
        Assert.Equal(3, status.SignaturesValid);
        Assert.Equal(1, status.Failed);
    }
}
