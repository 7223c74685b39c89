using System.Text.Json;
using ActivityWatch.Monitoring.Detections.Reading;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>
/// The values a Sigma field path (userIdentity.type, requestParameters.x) names in a CloudTrail
/// record: objects are walked by name and arrays are expanded (any element may match), as SIEM
/// backends flatten them. Scalars only: strings as they are, numbers and booleans as JSON writes them.
/// </summary>
public static class SigmaFieldValues
{
    private const int MaxValues = 1000;

    public static List<string> Of(JsonElement root, string[] path, out bool present)
    {
        var values = new List<string>();
        present = false;
        Walk(root, path, 0, values, ref present);
        return values;
    }

    private static void Walk(JsonElement element, string[] path, int index, List<string> values, ref bool present)
    {
        if (values.Count >= MaxValues) return;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().Take(MaxValues)) Walk(item, path, index, values, ref present);
            return;
        }
        if (index == path.Length)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: present = true; values.Add(RecordFields.Scalar(element)!); break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: present = true; values.Add(element.GetRawText()); break;
                case JsonValueKind.Object: present = true; break;
            }
            return;
        }
        if (element.ValueKind == JsonValueKind.Object && element.TryGet(path[index], out var next)) Walk(next, path, index + 1, values, ref present);
    }
}
