using System.Net;
using System.Net.Sockets;

namespace ActivityWatch.Monitoring.Records;

/// <summary>
/// The network a source address belongs to, one definition for every feature that asks "from
/// where": IPv4 /24 and IPv6 /48 (a typical site allocation), so one office, home or NAT pool
/// counts as one place. CloudTrail's sourceIPAddress can also be a service name
/// ("lambda.amazonaws.com", "AWS Internal") when a service calls for the principal: that name is
/// its own network. S3 server access logs write "-" for no address: no network.
/// </summary>
public static class SourceNetworks
{
    public static string? Of(string? sourceIp)
    {
        if (string.IsNullOrEmpty(sourceIp) || sourceIp == "-") return null;
        if (!IPAddress.TryParse(sourceIp, out var address)) return sourceIp;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        Array.Clear(bytes, 6, bytes.Length - 6);
        return $"{new IPAddress(bytes)}/48";
    }
}
