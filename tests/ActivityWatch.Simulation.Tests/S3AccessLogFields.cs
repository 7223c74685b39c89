using System.Text;

namespace ActivityWatch.Simulation.Tests;

/// <summary>Splits an S3 server access log line as AWS documents it: spaces separate fields, except
/// inside [brackets] and "quotes".</summary>
internal static class S3AccessLogFields
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        char? closer = null;
        foreach (var c in line)
        {
            if (closer is null && c == ' ')
            {
                fields.Add(current.ToString());
                current.Clear();
                continue;
            }

            if (closer is null && c is '[' or '"')
            {
                closer = c == '[' ? ']' : '"';
            }
            else if (c == closer)
            {
                closer = null;
            }

            current.Append(c);
        }

        fields.Add(current.ToString());
        return fields;
    }
}
