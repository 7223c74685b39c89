using System.Text.Json;
using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// Reads `aws iam get-account-authorization-details` output: UserDetailList, GroupDetailList,
/// RoleDetailList and Policies (with PolicyVersionList). Documents come as JSON objects (current
/// CLI) or URL-encoded strings (the raw API and older CLIs): both become JSON text.
/// </summary>
public static class AuthorizationDetailsParser
{
    public static IamSnapshot Parse(JsonElement root)
    {
        var users = Array(root, "UserDetailList").Select(u => new IamUserDetail(
            Text(u, "Arn")!, Text(u, "UserName")!, Time(u, "CreateDate"),
            Array(u, "GroupList").Select(g => g.GetString()!).ToArray(),
            Attached(u), Inline(u, "UserPolicyList"), Time(u, "PasswordLastUsed"))).ToList();
        var groups = Array(root, "GroupDetailList").Select(g => new IamGroupDetail(
            Text(g, "Arn")!, Text(g, "GroupName")!, Attached(g), Inline(g, "GroupPolicyList"))).ToList();
        var roles = Array(root, "RoleDetailList").Select(r => new IamRoleDetail(
            Text(r, "Arn")!, Text(r, "RoleName")!, Time(r, "CreateDate"),
            r.TryGetProperty("AssumeRolePolicyDocument", out var trust) ? Document(trust) : null,
            Attached(r), Inline(r, "RolePolicyList"),
            r.TryGetProperty("RoleLastUsed", out var lastUsed) ? Time(lastUsed, "LastUsedDate") : null)).ToList();
        var policies = Array(root, "Policies").Select(p => new IamManagedPolicy(
            Text(p, "Arn")!, Text(p, "PolicyName")!, Text(p, "DefaultVersionId"),
            Array(p, "PolicyVersionList").ToDictionary(v => Text(v, "VersionId")!, v => Document(v.GetProperty("Document"))))).ToList();

        var arn = users.Select(u => u.Arn).Concat(roles.Select(r => r.Arn)).Concat(groups.Select(g => g.Arn))
            .Concat(policies.Select(p => p.Arn)).FirstOrDefault(a => !a.Contains(":aws:policy/", StringComparison.Ordinal) && a.Split(':').Length > 4);
        var account = arn?.Split(':')[4] ?? throw new FormatException("No account id: the file lists no users, groups, roles or customer managed policies.");
        return new IamSnapshot(account, users, groups, roles, policies);
    }

    /// <summary>A document as JSON text, whether it came as an object or a URL-encoded string.</summary>
    public static string Document(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? PolicyDocument.Decode(element.GetString()!) : element.GetRawText();

    private static IReadOnlyList<string> Attached(JsonElement entity) =>
        Array(entity, "AttachedManagedPolicies").Select(p => Text(p, "PolicyArn")!).ToArray();

    private static IReadOnlyDictionary<string, string> Inline(JsonElement entity, string list) =>
        Array(entity, list).ToDictionary(p => Text(p, "PolicyName")!, p => Document(p.GetProperty("PolicyDocument")));

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
