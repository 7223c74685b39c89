using ActivityWatch.Benchmarks;

// Benchmark programs the scripts/bench-*.sh scripts run; one file per benchmark.
return args.FirstOrDefault() switch
{
    "copy-baseline" => await CopyBaseline.RunAsync(args[1..]),
    "parse" => await ParseOnly.RunAsync(args[1..]),
    "write-path" => await WritePathSpike.RunAsync(args[1..]),
    "generate" => await GenerateLogs.RunAsync(args[1..]),
    "alert-latency" => await AlertLatency.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ActivityWatch.Benchmarks copy-baseline|parse|write-path|generate|alert-latency ARGS");
    return 2;
}
