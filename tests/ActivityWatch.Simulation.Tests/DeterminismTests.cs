using System.Security.Cryptography;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class DeterminismTests
{
    private static readonly SimulationOptions TwoDays = new() { Days = 2, Principals = 8 };

    [Fact]
    public void Generate_SameSeedTwice_YieldsIdenticalRecords()
    {
        var first = new ActivitySimulator(TwoDays).Generate().Select(r => r.Text).ToList();
        var second = new ActivitySimulator(TwoDays).Generate().Select(r => r.Text).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeed_YieldsDifferentRecords()
    {
        var first = new ActivitySimulator(TwoDays).Generate().Take(500).Select(r => r.Text).ToList();
        var other = new ActivitySimulator(TwoDays with { Seed = 2 }).Generate().Take(500).Select(r => r.Text).ToList();

        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task WriteAsync_SameSeedTwice_WritesByteIdenticalFiles()
    {
        var options = TwoDays with { Days = 1 };
        var first = await WriteAndHash(options);
        var second = await WriteAndHash(options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_AddingAnAttack_LeavesBenignRecordsUnchanged()
    {
        var benign = new ActivitySimulator(TwoDays).Generate().Where(r => r.Scenario is null).Select(r => r.Text).ToList();
        var attacked = new ActivitySimulator(TwoDays with { Attacks = [new AttackScenario(AttackKinds.SecretsBurst, TwoDays.Start.AddHours(30))] })
            .Generate().Where(r => r.Scenario is null).Select(r => r.Text).ToList();

        Assert.Equal(benign, attacked);
    }

    [Fact]
    public void Generate_RecordsComeInTimeOrder()
    {
        var times = new ActivitySimulator(TwoDays).Generate().Select(r => r.Time).ToList();

        Assert.True(times.Zip(times.Skip(1)).All(p => p.First <= p.Second));
    }

    private static async Task<Dictionary<string, string>> WriteAndHash(SimulationOptions options)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aw-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            await new ActivitySimulator(options).WriteAsync(dir, CancellationToken.None);
            return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
