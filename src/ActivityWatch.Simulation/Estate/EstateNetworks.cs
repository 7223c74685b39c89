using System.Text;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// Where the estate's calls come from. Offices keep the sample week's documentation ranges;
/// homes and hotels sit in consumer ISP space; workloads leave through NAT gateway addresses
/// inside AWS's EC2 ranges, as they do in AWS; attackers rent machines in AWS or at hosting
/// providers. The AWS ranges are published like AWS's own ip-ranges.json, so a detector can
/// be configured with them exactly as with the real file.
/// </summary>
public static class EstateNetworks
{
    /// <summary>EC2 ranges by region (as in ip-ranges.json: service EC2, also under AMAZON).</summary>
    private static readonly (string Prefix, string Region)[] Ec2 =
    [
        ("3.80.0.0/12", "us-east-1"), ("44.192.0.0/11", "us-east-1"), ("54.160.0.0/12", "us-east-1"),
        ("18.200.0.0/16", "eu-west-1"), ("52.48.0.0/14", "eu-west-1"), ("34.240.0.0/13", "eu-west-1"),
        ("13.52.0.0/16", "us-west-1"), ("35.72.0.0/13", "ap-northeast-1"),
    ];

    /// <summary>Ranges of hosting providers (virtual servers for rent), as a CIDR list.</summary>
    private static readonly string[] Hosting =
    [
        "45.55.0.0/16", "159.89.0.0/16", "167.99.0.0/16", "139.59.0.0/16", "51.15.0.0/16", "5.9.0.0/16", "95.216.0.0/16",
    ];

    private static readonly string[] Residential = ["73.15", "73.162", "24.7", "98.207", "71.198", "86.150", "82.13", "90.84", "81.101", "109.150", "2.96", "77.58"];

    private static readonly string[] Hotels = ["66.85", "12.130", "80.94", "62.210", "213.61", "195.12", "64.124"];

    /// <summary>The AWS ranges the estate uses, in ip-ranges.json's documented shape.</summary>
    public static string AwsIpRangesJson()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"syncToken\": \"1794355200\",\n  \"createDate\": \"2026-11-01-00-00-00\",\n  \"prefixes\": [\n");
        var entries = Ec2.SelectMany(e => new[] { (e.Prefix, e.Region, "AMAZON"), (e.Prefix, e.Region, "EC2") }).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var (prefix, region, service) = entries[i];
            text.Append($"    {{\"ip_prefix\": \"{prefix}\", \"region\": \"{region}\", \"service\": \"{service}\", \"network_border_group\": \"{region}\"}}");
            text.Append(i < entries.Count - 1 ? ",\n" : "\n");
        }
        text.Append("  ],\n  \"ipv6_prefixes\": [\n    {\"ipv6_prefix\": \"2600:1f18::/33\", \"region\": \"us-east-1\", \"service\": \"EC2\", \"network_border_group\": \"us-east-1\"}\n  ]\n}\n");
        return text.ToString();
    }

    /// <summary>The hosting providers' ranges, one CIDR a line.</summary>
    public static string HostingRanges() => "# virtual server hosting providers\n" + string.Join("\n", Hosting) + "\n";

    internal static string Ec2Address(string region, SimulationRandom random)
    {
        var inRegion = Ec2.Where(e => e.Region == region).ToList();
        var (prefix, _) = inRegion.Count > 0 ? random.Pick(inRegion) : random.Pick(Ec2);
        return InPrefix(prefix, random);
    }

    internal static string AnyEc2Address(SimulationRandom random) => InPrefix(random.Pick(Ec2).Prefix, random);

    internal static string HostingAddress(SimulationRandom random) => InPrefix(random.Pick(Hosting), random);

    /// <summary>A home connection: one /24 of a consumer ISP, the same all run.</summary>
    internal static string HomeAddress(SimulationRandom random) => $"{random.Pick(Residential)}.{random.Next(256)}.{random.Next(2, 254)}";

    internal static string HotelAddress(SimulationRandom random) => $"{random.Pick(Hotels)}.{random.Next(256)}.{random.Next(2, 254)}";

    private static string InPrefix(string cidr, SimulationRandom random)
    {
        var slash = cidr.IndexOf('/');
        var octets = cidr[..slash].Split('.').Select(int.Parse).ToArray();
        var bits = int.Parse(cidr[(slash + 1)..]);
        var value = (uint)(octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3]);
        var size = 1u << (32 - bits);
        var address = value + 256u + (uint)random.Next((int)Math.Min(int.MaxValue, size - 512));
        if ((address & 0xFF) is 0 or 255) address ^= 1;
        return $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";
    }
}
