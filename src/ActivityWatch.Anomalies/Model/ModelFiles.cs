using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace ActivityWatch.Anomalies.Model;

/// <summary>Where a model's .zip and card live, and reading and writing them.</summary>
public static class ModelFiles
{
    public const string ZipName = "activity-anomaly.zip";
    public const string CardName = "activity-anomaly.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string CardPath(string zipPath) => Path.ChangeExtension(zipPath, ".json");

    public static ModelCard ReadCard(string zipPath) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(CardPath(zipPath)), Json)
        ?? throw new InvalidDataException($"Empty model card beside {zipPath}.");

    public static AnomalyModel Load(MLContext ml, string zipPath)
    {
        // Loading a tree model needs its assembly in the catalogue; PCA's is there already.
        ml.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters).Assembly);
        return AnomalyModel.Load(ml, zipPath, ReadCard(zipPath));
    }

    /// <summary>The card is written before the .zip, so a reader that sees a new .zip finds its card.</summary>
    public static void WriteCard(string zipPath, ModelCard card)
    {
        var temp = CardPath(zipPath) + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(card, Json));
        File.Move(temp, CardPath(zipPath), overwrite: true);
    }

    /// <summary>A relative path: the working directory's, else the nearest ancestor of the app's directory that has it.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(path);
    }
}
