using ActivityWatch.Monitoring.Detections.Sigma;

namespace ActivityWatch.Monitoring.Tests.Detections.Sigma;

/// <summary>The test set: our own rules in SigmaHQ's rules/cloud/aws/cloudtrail shape, loadable and refused.</summary>
public static class SigmaRules
{
    public static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Detections", "Sigma", "Rules", kind);

    public static IEnumerable<string> Files(string kind) => Directory.EnumerateFiles(Folder(kind)).Order(StringComparer.Ordinal);

    public static SigmaRuleDefinition Load(string name) => SigmaRuleParser.Parse(name, File.ReadAllText(Path.Combine(Folder("loadable"), name)));

    public static SigmaRuleDefinition Parse(string yaml) => SigmaRuleParser.Parse("inline.yml", yaml);
}
