using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>A real host on PostgreSQL whose clock reads <see cref="Now"/>, fed through the real write path.</summary>
public static class PermissionsHost
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static Task<TestHost> StartAsync(string name) =>
        TestHost.StartAsync(name, configure: builder => builder.Services.AddSingleton<TimeProvider>(new FixedTime(Now)));

    /// <summary>Stores the events as one batch of one log object, then waits for the projections.</summary>
    public static async Task RecordAsync(this TestHost host, params ActivityRecorded[] records)
    {
        var source = $"memory://permissions/{Guid.NewGuid():N}.json";
        var stamped = records.Select((r, i) => r with { SourceObject = source, Position = i }).ToList();
        await host.Get<ActivityRecorder>().RecordAsync(new SourceBatch(source, null, stamped, [], stamped.Count, true), CancellationToken.None);
        await host.WaitForProjectionsAsync();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
