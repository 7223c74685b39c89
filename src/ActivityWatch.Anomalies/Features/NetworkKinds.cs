using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// The kind of network a source address belongs to, from reference lists loaded once when
/// configured and never downloaded: AWS's ip-ranges.json (its documented shape: "prefixes" with
/// "ip_prefix", "ipv6_prefixes" with "ipv6_prefix") and a plain CIDR list of hosting providers.
/// Lookups are a binary search over merged IPv4 intervals. Unparseable entries are skipped.
/// </summary>
public sealed class NetworkKinds
{
    private readonly (uint Start, uint End, NetworkKind Kind)[] _v4;
    private readonly List<(byte[] Prefix, int Bits, NetworkKind Kind)> _v6;

    public static NetworkKinds Empty { get; } = new([], []);

    private NetworkKinds(List<(uint Start, uint End, NetworkKind Kind)> v4, List<(byte[] Prefix, int Bits, NetworkKind Kind)> v6)
    {
        // Hosting ranges first, AWS after: where they overlap AWS wins, being the published source.
        _v4 = v4.OrderBy(r => r.Start).ThenBy(r => r.Kind == NetworkKind.Aws ? 0 : 1).ToArray();
        _v6 = v6;
    }

    public int Ranges => _v4.Length + _v6.Count;

    /// <param name="awsIpRangesJson">The text of ip-ranges.json, or null.</param>
    /// <param name="hostingCidrs">One CIDR a line ('#' starts a comment), or null.</param>
    public static NetworkKinds Parse(string? awsIpRangesJson, string? hostingCidrs)
    {
        var v4 = new List<(uint, uint, NetworkKind)>();
        var v6 = new List<(byte[], int, NetworkKind)>();
        if (!string.IsNullOrWhiteSpace(awsIpRangesJson))
        {
            try
            {
                using var json = JsonDocument.Parse(awsIpRangesJson, new JsonDocumentOptions { MaxDepth = 16 });
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    AddAll(json.RootElement, "prefixes", "ip_prefix", NetworkKind.Aws, v4, v6);
                    AddAll(json.RootElement, "ipv6_prefixes", "ipv6_prefix", NetworkKind.Aws, v4, v6);
                }
            }
            catch (JsonException)
            {
                // A damaged copy gives no ranges rather than stopping the scorer.
            }
        }
        if (!string.IsNullOrWhiteSpace(hostingCidrs))
        {
            foreach (var line in hostingCidrs.Split('\n'))
            {
                var text = line.Split('#')[0].Trim();
                if (text.Length > 0) Add(text, NetworkKind.Hosting, v4, v6);
            }
        }
        return new NetworkKinds(v4, v6);
    }

    /// <summary>Reads the configured files; a missing path is no list.</summary>
    public static NetworkKinds Load(string? awsIpRangesPath, string? hostingRangesPath) =>
        Parse(Read(awsIpRangesPath), Read(hostingRangesPath));

    public NetworkKind Of(string? sourceIp)
    {
        if (string.IsNullOrEmpty(sourceIp) || sourceIp == "-") return NetworkKind.None;
        if (!IPAddress.TryParse(sourceIp, out var address))
            return sourceIp.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || sourceIp.StartsWith("AWS Internal", StringComparison.OrdinalIgnoreCase)
                ? NetworkKind.AwsService : NetworkKind.None;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            address.TryWriteBytes(bytes, out _);
            var value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            if (bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and < 32) || (bytes[0] == 192 && bytes[1] == 168)) return NetworkKind.Private;
            return Lookup(value);
        }
        var v6 = address.GetAddressBytes();
        if ((v6[0] & 0xFE) == 0xFC) return NetworkKind.Private;
        foreach (var (prefix, bits, kind) in _v6) if (Matches(v6, prefix, bits)) return kind;
        return NetworkKind.Public;
    }

    private NetworkKind Lookup(uint value)
    {
        // The last interval starting at or before the address, then a short walk back for nested ones.
        int lo = 0, hi = _v4.Length - 1, at = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_v4[mid].Start <= value) { at = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        var found = NetworkKind.Public;
        for (var i = at; i >= 0 && i > at - 64; i--)
        {
            if (_v4[i].End < value) continue;
            if (_v4[i].Kind == NetworkKind.Aws) return NetworkKind.Aws;
            found = _v4[i].Kind;
        }
        return found;
    }

    private static void AddAll(JsonElement root, string array, string field, NetworkKind kind, List<(uint, uint, NetworkKind)> v4, List<(byte[], int, NetworkKind)> v6)
    {
        if (!root.TryGetProperty(array, out var items) || items.ValueKind != JsonValueKind.Array) return;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var prefix) && prefix.ValueKind == JsonValueKind.String)
                Add(prefix.GetString()!, kind, v4, v6);
        }
    }

    private static void Add(string cidr, NetworkKind kind, List<(uint, uint, NetworkKind)> v4, List<(byte[], int, NetworkKind)> v6)
    {
        var slash = cidr.IndexOf('/');
        if (slash <= 0 || !int.TryParse(cidr.AsSpan(slash + 1), out var bits) || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var address)) return;
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (bits is < 0 or > 32) return;
            var start = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            v4.Add((start & mask, (start & mask) | ~mask, kind));
        }
        else if (bits is >= 0 and <= 128) v6.Add((bytes, bits, kind));
    }

    private static bool Matches(byte[] address, byte[] prefix, int bits)
    {
        for (var i = 0; i < 16 && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((address[i] & mask) != (prefix[i] & mask)) return false;
        }
        return true;
    }

    private static string? Read(string? path) => string.IsNullOrWhiteSpace(path) || !File.Exists(path) ? null : File.ReadAllText(path);
}
