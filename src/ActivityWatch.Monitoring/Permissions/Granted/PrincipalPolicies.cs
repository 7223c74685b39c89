using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// The identity policies that apply to a user or role: its inline and attached managed policies
/// (the default version), and for a user each of its groups' inline and attached policies.
/// </summary>
public static class PrincipalPolicies
{
    /// <summary>The policies, and notes on what could not be resolved (a managed policy the state has no document for).</summary>
    /// <param name="parsed">Documents already parsed, by their JSON text: pass one across principals to parse each policy once.</param>
    public static (IReadOnlyList<AttachedPolicy> Policies, IReadOnlyList<string> Notes) For(
        IamAccountState state, IamIdentityState identity, Dictionary<string, PolicyDocument>? parsed = null)
    {
        var policies = new List<AttachedPolicy>();
        var notes = new List<string>();
        parsed ??= new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        Collect(state, identity, "", policies, notes, parsed);
        if (identity is IamUserState user)
        {
            foreach (var groupName in user.Groups.Order(StringComparer.Ordinal))
            {
                if (state.Groups.TryGetValue(groupName, out var group)) Collect(state, group, $"group {groupName}: ", policies, notes, parsed);
                else notes.Add($"group {groupName} is not in the imported state");
            }
        }
        return (policies, notes);
    }

    private static void Collect(IamAccountState state, IamIdentityState identity, string via, List<AttachedPolicy> policies, List<string> notes,
        Dictionary<string, PolicyDocument> parsed)
    {
        PolicyDocument Parse(string document)
        {
            if (!parsed.TryGetValue(document, out var result)) parsed[document] = result = PolicyDocument.Parse(document);
            return result;
        }

        foreach (var (name, document) in identity.Inline.OrderBy(p => p.Key, StringComparer.Ordinal))
            policies.Add(new AttachedPolicy($"{via}inline {name}", Parse(document)));
        foreach (var arn in identity.Attached.Order(StringComparer.Ordinal))
        {
            if (state.Policies.TryGetValue(arn, out var managed) && managed.DefaultDocument is { } document)
                policies.Add(new AttachedPolicy($"{via}managed {arn}", Parse(document)));
            else
                notes.Add($"{via}managed policy {arn} has no known document (import a fresh get-account-authorization-details)");
        }
    }
}
