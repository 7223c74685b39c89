using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Integrity;

namespace ActivityWatch.Cli.Commands;

/// <summary>The `status` section on CloudTrail log file integrity: per trail (account, region), the last hour verified.</summary>
public static class IntegrityStatus
{
    /// <summary>JSON items of type "trail-integrity", after the sources in `status --format json`.</summary>
    public static IEnumerable<object> Json(IReadOnlyList<TrailIntegrity> trails) => trails.Select(t => (object)new
    {
        source = t.TrailArn,
        type = "trail-integrity",
        trail = t.Trail,
        accountId = t.AccountId,
        region = t.Region,
        trailName = t.TrailName,
        verifiedThrough = t.VerifiedThrough,
        newestDigest = t.NewestDigest,
        digests = t.Digests,
        verified = t.Verified,
        failed = t.Failed,
        pending = t.Pending,
        signaturesValid = t.SignaturesValid,
        findings = t.Findings,
        lastFinding = t.LastFinding,
    });

    public static void Write(TextWriter output, IReadOnlyList<TrailIntegrity> trails)
    {
        if (trails.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Log file integrity (CloudTrail digests):");
        Table.Write(output, ["ACCOUNT", "REGION", "TRAIL", "VERIFIED THROUGH", "DIGESTS", "FAILED", "PENDING", "SIGNED", "FINDINGS"],
            trails.Select(t => (IReadOnlyList<string?>)
            [
                t.AccountId,
                t.Region,
                t.TrailName,
                t.VerifiedThrough is { } at ? $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "-",
                t.Digests.ToString(),
                t.Failed.ToString(),
                t.Pending.ToString(),
                t.SignaturesValid.ToString(),
                t.Findings.ToString(),
            ]), maxColumnWidth: 70);
        foreach (var trail in trails.Where(t => t.LastFinding is not null))
            output.WriteLine($"  {trail.TrailArn} last finding: {trail.LastFinding}");
    }
}
