using System.Text.Json;

namespace ActivityWatch.Simulation.Catalog;

/// <summary>Writes the properties of requestParameters or responseElements (the object is opened and
/// closed by the caller).</summary>
internal delegate void ParameterWriter(Utf8JsonWriter json, RenderContext context);
