namespace ActivityWatch.Benchmarks;

public static class CopyBaseline
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
