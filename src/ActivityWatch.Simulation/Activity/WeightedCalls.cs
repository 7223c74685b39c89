using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Activity;

/// <summary>A principal's habits: the APIs they use and how often, stable for the whole run.</summary>
internal sealed class WeightedCalls
{
    private readonly ApiCall[] _calls;
    private readonly double[] _cumulative;

    public WeightedCalls(IEnumerable<(ApiCall Call, double Weight)> weighted)
    {
        var list = weighted.ToList();
        _calls = list.Select(w => w.Call).ToArray();
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<ApiCall> Calls => _calls;

    public ApiCall Next(SimulationRandom random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, x);
        return _calls[index < 0 ? Math.Min(~index, _calls.Length - 1) : index];
    }

    /// <summary>Picks a stable subset of a pool with skewed weights; writes are ten times rarer.</summary>
    public static WeightedCalls Habit(IReadOnlyList<ApiCall> pool, int count, SimulationRandom random)
    {
        var chosen = pool.Take(3).Concat(pool.Skip(3).OrderBy(_ => random.Next(1000)).Take(Math.Max(0, count - 3)));
        return new WeightedCalls(chosen.Select(c => (c, (1.0 + random.Next(10)) * (c.ReadOnly ? 1.0 : 0.1))).ToList());
    }
}
