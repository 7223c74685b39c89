using Microsoft.Extensions.Logging;

namespace ActivityWatch.Api.Principals;

/// <summary>
/// What other modules know about a principal (permissions granted and unused, alerts, posture),
/// gathered from every registered <see cref="IPrincipalSection"/>. The console shows the sections
/// present. One module failing leaves its section out rather than failing the whole page.
/// </summary>
public sealed class PrincipalSections(IEnumerable<IPrincipalSection> sections, ILogger<PrincipalSections> logger)
{
    public async Task<IReadOnlyDictionary<string, object?>> LoadAsync(string principal, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, object?>();
        foreach (var section in sections) result[section.Name] = await TryLoadAsync(section, principal, cancellationToken);
        return result;
    }

    private async Task<object?> TryLoadAsync(IPrincipalSection section, string principal, CancellationToken cancellationToken)
    {
        try
        {
            return await section.LoadAsync(principal, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The {Section} section of {Principal} could not be loaded", section.Name, principal);
            return null;
        }
    }
}
