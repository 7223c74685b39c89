namespace ActivityWatch.Simulation.Randomness;

/// <summary>FNV-1a: string.GetHashCode is randomised per process, which would break reproducibility.</summary>
internal static class StableHash
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
