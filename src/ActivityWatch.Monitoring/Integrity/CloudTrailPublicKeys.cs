using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// CloudTrail's public keys, from the JSON `aws cloudtrail list-public-keys` prints:
/// {"PublicKeyList":[{"Value":"&lt;base64 DER&gt;","ValidityStartTime":"...","ValidityEndTime":"...","Fingerprint":"&lt;hex&gt;"}]}.
/// The value is an RSA public key in PKCS #1 DER (what the AWS CLI's validate-logs loads); a
/// SubjectPublicKeyInfo is accepted too. A key is used only within its validity and only for the
/// digests whose digestPublicKeyFingerprint names it.
/// </summary>
public sealed class CloudTrailPublicKeys
{
    private readonly List<PublicKey> _keys;

    private CloudTrailPublicKeys(List<PublicKey> keys) => _keys = keys;

    public int Count => _keys.Count;

    public static CloudTrailPublicKeys Load(string path) => Parse(File.ReadAllBytes(path), path);

    public static CloudTrailPublicKeys Parse(ReadOnlySpan<byte> json, string source = "public keys")
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var list = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("PublicKeyList", out var l) ? l : document.RootElement;
        if (list.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{source}: no PublicKeyList array");
        var keys = new List<PublicKey>();
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("Value", out var value) || value.ValueKind != JsonValueKind.String
                || !entry.TryGetProperty("Fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{source}: every PublicKeyList entry needs a Value and a Fingerprint");
            keys.Add(new PublicKey(fingerprint.GetString()!.ToLowerInvariant(), Convert.FromBase64String(value.GetString()!),
                Time(entry, "ValidityStartTime"), Time(entry, "ValidityEndTime")));
        }
        return new CloudTrailPublicKeys(keys);
    }

    /// <summary>The DER of the key with this fingerprint valid at <paramref name="at"/>; null when there is none.</summary>
    public byte[]? Find(string? fingerprint, DateTimeOffset? at)
    {
        if (fingerprint is null) return null;
        return _keys.FirstOrDefault(k => k.Fingerprint == fingerprint.ToLowerInvariant()
                                         && (at is null || ((k.From is null || k.From <= at) && (k.Until is null || at <= k.Until))))?.Der;
    }

    /// <summary>SHA256withRSA (PKCS #1 v1.5) over <paramref name="data"/>.</summary>
    public static bool Verify(byte[] der, byte[] data, byte[] signature)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPublicKey(der, out _);
        }
        catch (CryptographicException)
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
        }
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static DateTimeOffset? Time(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private sealed record PublicKey(string Fingerprint, byte[] Der, DateTimeOffset? From, DateTimeOffset? Until);
}
