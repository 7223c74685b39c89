using ActivityWatch.Api.Principals;

namespace ActivityWatch.Api.Alerts;

/// <summary>The principal page's alerts: every alert raised for it (rules and ML), newest first.</summary>
public sealed class PrincipalAlertsSection(AlertSearch alerts) : IPrincipalSection
{
    public string Name => "alerts";

    public async Task<object?> LoadAsync(string principal, CancellationToken cancellationToken)
    {
        var found = await alerts.ListAsync(AlertSearch.All, null, null, principal, 100, cancellationToken);
        return found.Count == 0 ? null : found;
    }
}
