using System.Text.Json;

namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

internal static class JsonOptions
{
    // Request and response parameters nest deeply in some services' records.
    public static readonly JsonReaderOptions Reader = new() { MaxDepth = 256 };
}
