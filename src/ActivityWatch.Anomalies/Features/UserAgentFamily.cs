namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// A user agent reduced to its client family and major version ("aws-cli/2", "Boto3/1",
/// "Browser/Chrome"), so routine upgrades are not "new", but a new tool or a new OS is.
/// </summary>
public static class UserAgentFamily
{
    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        var ua = userAgent.AsSpan().Trim();
        if (ua.StartsWith("Mozilla/", StringComparison.Ordinal))
        {
            var browser = userAgent.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
                : userAgent.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
                : userAgent.Contains("Chrome/", StringComparison.Ordinal) ? "Chrome"
                : userAgent.Contains("Safari/", StringComparison.Ordinal) ? "Safari" : "Other";
            return $"Browser/{browser}";
        }
        // AWS SDK agents lead with "name/version"; the first token names the client.
        var end = ua.IndexOfAny(' ', ',', '(');
        var token = end < 0 ? ua : ua[..end];
        var slash = token.IndexOf('/');
        if (slash < 0) return token.ToString();
        var version = token[(slash + 1)..];
        var dot = version.IndexOf('.');
        var major = dot < 0 ? version : version[..dot];
        var family = $"{token[..slash]}/{major}";
        // The OS is part of the habit: the same Boto3 from a Kali box is a different client.
        var os = userAgent.IndexOf(" os/", StringComparison.Ordinal);
        if (os < 0) return family;
        var osEnd = userAgent.IndexOfAny(['#', ' '], os + 4);
        return family + " " + (osEnd < 0 ? userAgent[(os + 1)..] : userAgent[(os + 1)..osEnd]);
    }
}
