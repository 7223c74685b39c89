namespace ActivityWatch.Api.Principals;

/// <summary>
/// What other modules know about a principal (permissions granted and unused, alerts, posture),
/// gathered from every registered <see cref="IPrincipalSection"/>. The console shows the sections present.
/// </summary>
public sealed class PrincipalSections(IEnumerable<IPrincipalSection> sections)
{
    public async Task<IReadOnlyDictionary<string, object?>> LoadAsync(string principal, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, object?>();
        foreach (var section in sections) result[section.Name] = await section.LoadAsync(principal, cancellationToken);
        return result;
    }

    /// <summary>A principal with no activity in range may still be known (e.g. from an IAM import).</summary>
    public async Task<bool> IsKnownAsync(string principal, CancellationToken cancellationToken)
    {
        foreach (var section in sections)
        {
            if (await section.LoadAsync(principal, cancellationToken) is not null) return true;
        }
        return false;
    }
}
