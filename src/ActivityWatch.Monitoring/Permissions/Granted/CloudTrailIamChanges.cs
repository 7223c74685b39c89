using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// Replays one successful IAM write call from CloudTrail onto an account's state, from its
/// requestParameters (and responseElements where only the response has the ARN, version or key
/// id). Parameter names are the IAM API's, camel-cased as CloudTrail logs them.
/// </summary>
public static class CloudTrailIamChanges
{
    public static readonly IReadOnlyList<string> EventNames =
    [
        "CreateUser", "DeleteUser", "CreateGroup", "DeleteGroup", "CreateRole", "DeleteRole", "UpdateAssumeRolePolicy",
        "AttachUserPolicy", "DetachUserPolicy", "AttachRolePolicy", "DetachRolePolicy", "AttachGroupPolicy", "DetachGroupPolicy",
        "PutUserPolicy", "DeleteUserPolicy", "PutRolePolicy", "DeleteRolePolicy", "PutGroupPolicy", "DeleteGroupPolicy",
        "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion",
        "AddUserToGroup", "RemoveUserFromGroup", "CreateAccessKey", "DeleteAccessKey", "UpdateAccessKey",
        "CreateLoginProfile", "DeleteLoginProfile",
    ];

    public static bool Apply(IamAccountState state, string eventName, JsonElement record, DateTimeOffset time)
    {
        try
        {
            return ApplyParameters(state, eventName, record, time);
        }
        catch (ArgumentNullException)
        {
            // CloudTrail leaves requestParameters out of some records (omitted when too large, or
            // redacted): a call whose names are missing cannot be replayed and changes nothing we know.
            return false;
        }
    }

    private static bool ApplyParameters(IamAccountState state, string eventName, JsonElement record, DateTimeOffset time)
    {
        var p = Object(record, "requestParameters");
        var r = Object(record, "responseElements");
        var account = state.AccountId;
        switch (eventName)
        {
            case "CreateUser":
                state.Users[S(p, "userName")!] = new IamUserState(S(r, "user", "arn") ?? Arn(account, "user", p), S(p, "userName")!, time);
                break;
            case "DeleteUser": state.Users.Remove(S(p, "userName")!); break;
            case "CreateGroup":
                state.Groups[S(p, "groupName")!] = new IamGroupState(S(r, "group", "arn") ?? Arn(account, "group", p), S(p, "groupName")!);
                break;
            case "DeleteGroup": state.Groups.Remove(S(p, "groupName")!); break;
            case "CreateRole":
                state.Roles[S(p, "roleName")!] = new IamRoleState(S(r, "role", "arn") ?? Arn(account, "role", p), S(p, "roleName")!, time)
                {
                    TrustPolicy = Document(p, "assumeRolePolicyDocument"),
                };
                break;
            case "DeleteRole": state.Roles.Remove(S(p, "roleName")!); break;
            case "UpdateAssumeRolePolicy":
                if (state.Roles.TryGetValue(S(p, "roleName")!, out var trusted)) trusted.TrustPolicy = Document(p, "policyDocument");
                break;
            case "AttachUserPolicy" or "AttachRolePolicy" or "AttachGroupPolicy":
                Identity(state, eventName, p)?.Attached.Add(S(p, "policyArn")!);
                break;
            case "DetachUserPolicy" or "DetachRolePolicy" or "DetachGroupPolicy":
                Identity(state, eventName, p)?.Attached.Remove(S(p, "policyArn")!);
                break;
            case "PutUserPolicy" or "PutRolePolicy" or "PutGroupPolicy":
                if (Identity(state, eventName, p) is { } putOn) putOn.Inline[S(p, "policyName")!] = Document(p, "policyDocument") ?? "{}";
                break;
            case "DeleteUserPolicy" or "DeleteRolePolicy" or "DeleteGroupPolicy":
                Identity(state, eventName, p)?.Inline.Remove(S(p, "policyName")!);
                break;
            case "CreatePolicy":
                var arn = S(r, "policy", "arn") ?? Arn(account, "policy", p, "policyName");
                var created = new ManagedPolicyState(arn, S(p, "policyName")!) { DefaultVersionId = S(r, "policy", "defaultVersionId") ?? "v1" };
                created.Versions[created.DefaultVersionId] = Document(p, "policyDocument") ?? "{}";
                state.Policies[arn] = created;
                break;
            case "DeletePolicy": state.Policies.Remove(S(p, "policyArn")!); break;
            case "CreatePolicyVersion":
                if (!state.Policies.TryGetValue(S(p, "policyArn")!, out var versioned)) return false;
                // The response names the new version; without it, IAM numbers versions v1, v2, ... upwards.
                var id = S(r, "policyVersion", "versionId") ?? $"v{versioned.Versions.Keys.Select(k => int.TryParse(k.TrimStart('v'), out var n) ? n : 0).DefaultIfEmpty().Max() + 1}";
                versioned.Versions[id] = Document(p, "policyDocument") ?? "{}";
                if (Bool(p, "setAsDefault")) versioned.DefaultVersionId = id;
                break;
            case "SetDefaultPolicyVersion":
                if (state.Policies.TryGetValue(S(p, "policyArn")!, out var defaulted)) defaulted.DefaultVersionId = S(p, "versionId");
                break;
            case "DeletePolicyVersion":
                if (state.Policies.TryGetValue(S(p, "policyArn")!, out var pruned)) pruned.Versions.Remove(S(p, "versionId")!);
                break;
            case "AddUserToGroup": User(state, p)?.Groups.Add(S(p, "groupName")!); break;
            case "RemoveUserFromGroup": User(state, p)?.Groups.Remove(S(p, "groupName")!); break;
            case "CreateAccessKey":
                var keyId = S(r, "accessKey", "accessKeyId");
                var owner = S(r, "accessKey", "userName") ?? S(p, "userName");
                if (keyId is null || owner is null || !state.Users.TryGetValue(owner, out var keyUser)) return false;
                keyUser.AccessKeys[keyId] = new AccessKeyState(keyId, Time(S(r, "accessKey", "createDate")) ?? time);
                break;
            case "DeleteAccessKey":
                foreach (var user in state.Users.Values) user.AccessKeys.Remove(S(p, "accessKeyId")!);
                break;
            case "UpdateAccessKey":
                foreach (var user in state.Users.Values)
                    if (user.AccessKeys.TryGetValue(S(p, "accessKeyId")!, out var key)) key.Active = S(p, "status") == "Active";
                break;
            case "CreateLoginProfile": if (User(state, p) is { } withPassword) withPassword.HasPassword = true; break;
            case "DeleteLoginProfile": if (User(state, p) is { } withoutPassword) withoutPassword.HasPassword = false; break;
            default: return false;
        }
        state.ChangesApplied++;
        return true;
    }

    private static IamIdentityState? Identity(IamAccountState state, string eventName, JsonElement? p) =>
        eventName.Contains("User", StringComparison.Ordinal) ? User(state, p)
        : eventName.Contains("Role", StringComparison.Ordinal) ? state.Roles.GetValueOrDefault(S(p, "roleName") ?? "")
        : state.Groups.GetValueOrDefault(S(p, "groupName") ?? "");

    private static IamUserState? User(IamAccountState state, JsonElement? p) => state.Users.GetValueOrDefault(S(p, "userName") ?? "");

    private static string Arn(string account, string kind, JsonElement? p, string? nameField = null) =>
        $"arn:aws:iam::{account}:{kind}{S(p, "path") ?? "/"}{S(p, nameField ?? kind + "Name")}";

    private static string? Document(JsonElement? p, string name) =>
        p is { } o && o.TryGetProperty(name, out var value) ? AuthorizationDetailsParser.Document(value) : null;

    private static JsonElement? Object(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? S(JsonElement? element, params string[] path)
    {
        if (element is not { } current) return null;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    private static bool Bool(JsonElement? p, string name) =>
        p is { } o && o.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));

    private static DateTimeOffset? Time(string? text) => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
