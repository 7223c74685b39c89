using System.Net;
using System.Net.Sockets;

namespace ActivityWatch.Detection.Features;

/// <summary>
/// The network a request came from: IPv4 /24 and IPv6 /48, the sizes a home, office or cloud
/// subnet usually has. CloudTrail prints an AWS service name ("lambda.amazonaws.com") instead of
/// an address when a service calls for the principal: that name is its own "network".
/// </summary>
public static class NetworkPrefix
{
    public static string? Of(string? sourceIp)
    {
        if (string.IsNullOrEmpty(sourceIp) || sourceIp == "-") return null;
        if (!IPAddress.TryParse(sourceIp, out var address)) return sourceIp;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        return $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}:{bytes[4]:x2}{bytes[5]:x2}::/48";
    }
}
