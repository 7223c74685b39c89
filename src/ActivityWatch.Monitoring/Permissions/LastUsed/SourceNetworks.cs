using System.Net;
using System.Net.Sockets;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// The network a source address belongs to: IPv4 /24, IPv6 /48 (a typical site allocation), so
/// one office or NAT pool counts as one place. CloudTrail's sourceIPAddress can also be a
/// service name ("s3.amazonaws.com", "AWS Internal"): kept as it is.
/// </summary>
public static class SourceNetworks
{
    public static string? Of(string? sourceIp)
    {
        if (string.IsNullOrEmpty(sourceIp)) return null;
        if (!IPAddress.TryParse(sourceIp, out var address)) return sourceIp;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        Array.Clear(bytes, 6, bytes.Length - 6);
        return $"{new IPAddress(bytes)}/48";
    }
}
