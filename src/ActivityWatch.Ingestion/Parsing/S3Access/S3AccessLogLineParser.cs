using System.Globalization;
using System.Text;
using ActivityWatch.Ingestion.Parsing.Identity;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing.S3Access;

/// <summary>
/// Parses one S3 server access log line: space-separated fields, the time in brackets, the
/// request-URI, referer and user agent in double quotes (backslash escapes inside), "-" for none.
/// </summary>
internal static class S3AccessLogLineParser
{
    private const string S3EventSource = "s3.amazonaws.com";

    /// <summary>"owner bucket [06/Feb/2019:..." : enough to tell an access log from anything else.</summary>
    public static bool LooksLikeAccessLogLine(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOf((byte)' ');
        if (first <= 0) return false;
        var rest = line[(first + 1)..];
        var second = rest.IndexOf((byte)' ');
        if (second <= 0) return false;
        rest = rest[(second + 1)..];
        return rest.Length >= 13 && rest[0] == (byte)'[' && char.IsAsciiDigit((char)rest[1]) && char.IsAsciiDigit((char)rest[2])
            && rest[3] == (byte)'/' && rest[7] == (byte)'/' && rest[12] == (byte)':';
    }

    public static ActivityRecorded? Parse(ReadOnlySpan<byte> bytes, string sourceObject, long position, out string? reason)
    {
        var line = Encoding.UTF8.GetString(bytes);
        Span<Range> fields = stackalloc Range[AccessLogFields.Maximum];
        var count = Tokenize(line, fields, out reason);
        if (count < 0) return null;
        if (count < AccessLogFields.Minimum)
        {
            reason = $"too few fields: {count}, where the format has at least {AccessLogFields.Minimum} (through the user-agent)";
            return null;
        }

        var timeText = line.AsSpan(fields[AccessLogFields.Time]);
        if (!AccessLogTime.TryParse(timeText, out var time))
        {
            reason = $"{AccessLogFields.Describe(AccessLogFields.Time)}: '{timeText}' is not a time like 06/Feb/2019:00:00:38 +0000";
            return null;
        }
        if (!TryNumber(line, fields, AccessLogFields.HttpStatus, out var status, out reason)
            || !TryNumber(line, fields, AccessLogFields.BytesSent, out var bytesSent, out reason))
            return null;

        var requester = Value(line, fields[AccessLogFields.Requester]);
        var identity = Requester(requester);
        var key = Value(line, fields[AccessLogFields.Key]);
        return new ActivityRecorded
        {
            Source = LogSources.S3Access,
            RecordKey = "s3-access:" + RecordHash.Sha256Hex(bytes),
            RecordId = Value(line, fields[AccessLogFields.RequestId]),
            EventTime = time,
            Principal = identity.Principal,
            SessionName = identity.SessionName,
            IdentityType = identity.IdentityType,
            AccountId = identity.AccountId,
            PrincipalAccountId = identity.AccountId,
            EventSource = S3EventSource,
            EventName = Value(line, fields[AccessLogFields.Operation]),
            SourceIp = Value(line, fields[AccessLogFields.RemoteIp]),
            UserAgent = Unescape(Value(line, fields[AccessLogFields.UserAgent])),
            ErrorCode = Value(line, fields[AccessLogFields.ErrorCode]),
            HttpStatus = status is null ? null : (int)status.Value,
            BytesSent = bytesSent,
            Bucket = Value(line, fields[AccessLogFields.Bucket]),
            // Keys are logged URL-encoded; UnescapeDataString keeps '+' (a legal key character) as is.
            ObjectKey = key is null ? null : Uri.UnescapeDataString(key),
            SourceObject = sourceObject,
            Position = position,
            RawLine = line,
        };
    }

    private static ArnIdentity Requester(string? requester)
    {
        if (requester is null) return new(IdentityTypes.Anonymous, Principals.Anonymous, null, null);
        if (requester.StartsWith("arn:", StringComparison.Ordinal)) return ArnIdentity.FromArn(requester);
        // Requests signed by AWS services can log the service principal as the requester.
        if (requester.EndsWith(".amazonaws.com", StringComparison.Ordinal)) return new(IdentityTypes.AwsService, requester, null, null);
        return new(IdentityTypes.Unknown, "s3-canonical:" + requester, null, null);
    }

    /// <returns>The number of fields, or -1 with a reason when a bracket or quote is not closed.</returns>
    private static int Tokenize(string line, Span<Range> fields, out string? reason)
    {
        reason = null;
        var count = 0;
        var i = 0;
        while (i < line.Length && count < fields.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                i++;
                continue;
            }
            int end;
            if (c == '[')
            {
                end = line.IndexOf(']', i + 1);
                if (end < 0)
                {
                    reason = $"{AccessLogFields.Describe(count)}: '[' is never closed";
                    return -1;
                }
                fields[count++] = (i + 1)..end;
                i = end + 1;
                continue;
            }
            if (c == '"')
            {
                end = ClosingQuote(line, i + 1);
                if (end < 0)
                {
                    reason = $"{AccessLogFields.Describe(count)}: quote is never closed";
                    return -1;
                }
                fields[count++] = (i + 1)..end;
                i = end + 1;
                continue;
            }
            end = line.IndexOf(' ', i);
            if (end < 0) end = line.Length;
            fields[count++] = i..end;
            i = end;
        }
        return count;
    }

    private static int ClosingQuote(string line, int from)
    {
        for (var j = from; j < line.Length; j++)
        {
            if (line[j] == '\\') j++;
            else if (line[j] == '"') return j;
        }
        return -1;
    }

    private static bool TryNumber(string line, ReadOnlySpan<Range> fields, int index, out long? value, out string? reason)
    {
        reason = null;
        value = null;
        var text = line.AsSpan(fields[index]);
        if (text is "-") return true;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        reason = $"{AccessLogFields.Describe(index)}: '{text}' is not a number";
        return false;
    }

    private static string? Value(string line, Range field)
    {
        var text = line.AsSpan(field);
        return text is "-" ? null : text.ToString();
    }

    private static string? Unescape(string? quoted)
    {
        if (quoted is null || !quoted.Contains('\\')) return quoted;
        var sb = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length) i++;
            sb.Append(quoted[i]);
        }
        return sb.ToString();
    }
}
