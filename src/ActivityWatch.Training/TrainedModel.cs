using ActivityWatch.Anomalies.Model;
using Microsoft.ML;

namespace ActivityWatch.Training;

/// <summary>A freshly trained model: its ML.NET transformer (what the .zip holds) and the scorer's view of it.</summary>
public sealed record TrainedModel(MLContext Ml, ITransformer Transformer, DataViewSchema Schema, AnomalyModel Model)
{
    /// <summary>Writes the card, then the .zip through a temporary name, so the live scorer's reload never sees half a file.</summary>
    public string Save(string outDir)
    {
        Directory.CreateDirectory(outDir);
        var zip = Path.Combine(outDir, ModelFiles.ZipName);
        ModelFiles.WriteCard(zip, Model.Card);
        var temp = zip + ".tmp";
        Ml.Model.Save(Transformer, Schema, temp);
        File.Move(temp, zip, overwrite: true);
        return zip;
    }
}
