using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Benchmarks;

/// <summary>
/// Writes about N generated records in AWS's file layouts, scaling the simulator's activity rate
/// to hit N over the chosen days. usage: generate N OUT_DIR [PRINCIPALS] [DAYS]
/// </summary>
public static class GenerateLogs
{
    public static async Task<int> RunAsync(string[] args)
    {
        var target = long.Parse(args[0]);
        var outDir = args[1];
        var principals = args.Length > 2 ? int.Parse(args[2]) : 200;
        var days = args.Length > 3 ? int.Parse(args[3]) : 7;

        // Calibrate on one day at rate 1, then scale: the generator is linear in Rate.
        var probe = new SimulationOptions { Days = 1, Principals = principals, Seed = 7 };
        var perDay = new ActivitySimulator(probe).Generate().LongCount();
        var rate = Math.Max(0.01, target / (double)(perDay * days));

        var summary = await new ActivitySimulator(new SimulationOptions { Days = days, Principals = principals, Seed = 7, Rate = rate })
            .WriteAsync(outDir, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new { rate, summary.Files, summary.CloudTrailRecords, summary.S3AccessRecords }));
        return 0;
    }
}
