using ActivityWatch.Monitoring.Timeline.Principals;

namespace ActivityWatch.Api.Principals;

/// <summary>The profile from the timeline, plus the sections other modules contribute (by name; absent when the module is not there).</summary>
public sealed record PrincipalPage(PrincipalProfile Profile, IReadOnlyDictionary<string, object?> Sections);
