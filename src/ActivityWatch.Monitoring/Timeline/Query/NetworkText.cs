using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// Reads an address or CIDR block strictly: IPv4 as four decimal octets without leading zeros,
/// IPv6 in its RFC 4291 text forms (no zone index, no brackets), and an optional decimal prefix
/// length. .NET alone is too lenient for a value PostgreSQL will see: it reads "1" as 0.0.0.1
/// where PostgreSQL reads 1.0.0.0, and takes "0x7f.1", "+8" and "fe80::1%eth0", which PostgreSQL refuses.
/// </summary>
public static partial class NetworkText
{
    /// <returns>False with the reason and its offset in <paramref name="text"/>.</returns>
    public static bool TryParse(string text, out IPAddress address, out int prefixLength, out string? error, out int errorOffset)
    {
        address = IPAddress.None;
        prefixLength = 0;
        errorOffset = 0;
        var slash = text.IndexOf('/');
        var host = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(host, out address))
        {
            error = $"'{host}' is not an IPv4 or IPv6 address";
            return false;
        }
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        prefixLength = max;
        if (slash >= 0)
        {
            var bits = text[(slash + 1)..];
            errorOffset = slash + 1;
            if (!PrefixLength().IsMatch(bits) || (prefixLength = int.Parse(bits, System.Globalization.CultureInfo.InvariantCulture)) > max)
            {
                error = $"the prefix length must be a number from 0 to {max}";
                return false;
            }
        }
        error = null;
        errorOffset = 0;
        return true;
    }

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (Ipv4().IsMatch(text)) return IPAddress.TryParse(text, out address!);
        return Ipv6Characters().IsMatch(text) && IPAddress.TryParse(text, out address!)
               && address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId == 0;
    }

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$")]
    private static partial Regex Ipv4();

    [GeneratedRegex("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$")]
    private static partial Regex Ipv6Characters();

    [GeneratedRegex("^[0-9]{1,3}$")]
    private static partial Regex PrefixLength();
}
