using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Activity;

/// <summary>The public fetching a static-assets bucket: S3 access log lines with requester "-".</summary>
internal sealed class AnonymousVisitors(SimulatedBucket bucket) : Actor
{
    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        var random = context.Random;
        var count = random.Poisson(4.0 * DailyRhythm.CustomerTraffic(window) * context.Options.Rate);
        for (var i = 0; i < count; i++)
        {
            var ip = random.Chance(0.5) ? $"192.0.2.{random.Next(1, 255)}" : $"198.51.100.{random.Next(1, 255)}";
            var visitor = Callers.Anonymous(ip, random.Pick(UserAgents.AnonymousWeb)) with { AccountId = bucket.AccountId };
            var target = new CallTarget { Bucket = bucket, Key = TargetResolver.ObjectKey(bucket, random) };
            var outcome = random.Chance(0.03) ? CallOutcome.NotFound : CallOutcome.Success;
            context.Add(context.TimeIn(window), visitor, ApiCatalog.GetObject, bucket.Region, outcome, target);
        }
    }
}
