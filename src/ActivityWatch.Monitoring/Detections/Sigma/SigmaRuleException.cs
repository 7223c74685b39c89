namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>A Sigma rule the engine cannot run exactly: refused, naming the file and the construct, never loaded approximately.</summary>
public sealed class SigmaRuleException(string file, string construct, string message)
    : Exception($"{file}: {construct}: {message}")
{
    public string File { get; } = file;
    public string Construct { get; } = construct;
    public string Reason { get; } = message;
}
