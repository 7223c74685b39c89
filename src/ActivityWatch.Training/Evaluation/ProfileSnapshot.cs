using System.Text.Json;
using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Training.Evaluation;

/// <summary>A deep copy of the profiles after history, so each detector replays the test period from the
/// same state (each learns differently: what it flags it does not learn).</summary>
public static class ProfileSnapshot
{
    public static ProfileBook Copy(ProfileBook source)
    {
        var copy = new ProfileBook();
        foreach (var profile in source.All) copy.Add(JsonSerializer.Deserialize<PrincipalProfile>(JsonSerializer.SerializeToUtf8Bytes(profile))!);
        return copy;
    }
}
