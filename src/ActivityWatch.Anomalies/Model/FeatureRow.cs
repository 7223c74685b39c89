using ActivityWatch.Anomalies.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ActivityWatch.Anomalies.Model;

/// <summary>The one column the model reads. Its size is set at runtime from <see cref="FeatureNames"/>.</summary>
public sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureNames.Count);
        return schema;
    }

    public static IDataView Load(MLContext ml, IEnumerable<float[]> vectors) =>
        ml.Data.LoadFromEnumerable(vectors.Select(v => new FeatureRow { Features = v }), Schema());
}
