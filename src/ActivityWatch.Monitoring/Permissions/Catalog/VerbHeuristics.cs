namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// The access level an action most likely has, from its verb, for actions no catalogue lists.
/// Results are flagged as heuristic wherever they are shown; load a full catalogue to replace them.
/// </summary>
public static class VerbHeuristics
{
    private static readonly string[] ListVerbs = ["List", "Describe"];
    private static readonly string[] ReadVerbs =
        ["Get", "Head", "Lookup", "Search", "Query", "Scan", "BatchGet", "Select", "Download", "View", "Check", "Decrypt", "Verify", "Export", "Read", "Receive", "Filter", "Test"];
    private static readonly string[] PermissionNouns = ["Policy", "Permission", "Grant", "Acl", "AccessPoint"];
    private static readonly string[] PermissionVerbs = ["Put", "Delete", "Attach", "Detach", "Set", "Create", "Update", "Add", "Remove", "Revoke", "Retire", "Replace"];

    public static AccessLevel Classify(string actionName)
    {
        if (Starts(actionName, "Tag") || Starts(actionName, "Untag")
            || (actionName.EndsWith("Tagging", StringComparison.Ordinal) && !Starts(actionName, "Get"))) return AccessLevel.Tagging;
        if (Starts(actionName, "ListTags")) return AccessLevel.Read;
        if (PermissionVerbs.Any(v => Starts(actionName, v)) && PermissionNouns.Any(n => actionName.Contains(n, StringComparison.Ordinal)))
            return AccessLevel.PermissionsManagement;
        if (ListVerbs.Any(v => Starts(actionName, v))) return AccessLevel.List;
        if (ReadVerbs.Any(v => Starts(actionName, v))) return AccessLevel.Read;
        return AccessLevel.Write;
    }

    // "Get" must not match "Getaway"-style words: the next character is upper case or the end.
    private static bool Starts(string name, string verb) =>
        name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || !char.IsLower(name[verb.Length]));
}
