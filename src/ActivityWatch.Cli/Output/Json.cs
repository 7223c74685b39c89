using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Output;

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new VerbatimJsonElement() },
        MaxDepth = EventBodies.MaxDepth,
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
