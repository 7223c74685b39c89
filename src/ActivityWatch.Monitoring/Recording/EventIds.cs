using System.Security.Cryptography;
using System.Text;

namespace ActivityWatch.Monitoring.Recording;

/// <summary>
/// Event ids derived from the record's idempotency key (a name-based UUID, RFC 9562 version 8
/// layout over SHA-256), so the same record read twice, by any node, gets the same id.
/// </summary>
public static class EventIds
{
    public static Guid FromRecordKey(string recordKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(recordKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
