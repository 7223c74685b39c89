namespace ActivityWatch.Simulation.Randomness;

/// <summary>The only source of randomness: a seeded <see cref="Random"/> (its seeded algorithm is stable
/// across .NET versions), consumed in a fixed order so output is reproducible.</summary>
internal sealed class SimulationRandom(int seed)
{
    private const string UpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string MixedAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string LowerHex = "0123456789abcdef";
    private const string UpperHex = "0123456789ABCDEF";

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Draws a count with the given mean: Knuth for small means, a rounded normal for large
    /// ones (benchmarks ask for thousands per window).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * normal));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    /// <summary>A version-4 UUID, as CloudTrail's eventID and sharedEventID are.</summary>
    public string Uuid()
    {
        Span<char> chars = stackalloc char[36];
        for (var i = 0; i < 36; i++)
        {
            chars[i] = i switch
            {
                8 or 13 or 18 or 23 => '-',
                14 => '4',
                19 => LowerHex[8 + _random.Next(4)],
                _ => LowerHex[_random.Next(16)],
            };
        }

        return new string(chars);
    }

    public string UpperAlphanumeric(int length) => FromAlphabet(UpperAlnum, length);

    public string Alphanumeric(int length) => FromAlphabet(MixedAlnum, length);

    public string Hex(int length) => FromAlphabet(LowerHex, length);

    public string UpperHexString(int length) => FromAlphabet(UpperHex, length);

    /// <summary>IAM unique ids and access key ids: a four-letter prefix (AKIA, ASIA, AIDA, AROA) and
    /// base32 characters.</summary>
    public string AwsId(string prefix, int length) => prefix + FromAlphabet(Base32, length);

    public string Base64(int length) =>
        FromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", length);

    private string FromAlphabet(string alphabet, int length)
    {
        return string.Create(length, (alphabet, random: _random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }
}
