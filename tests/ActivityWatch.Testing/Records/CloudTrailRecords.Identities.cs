using System.Text.Json.Nodes;

namespace ActivityWatch.Testing.Records;

/// <summary>The userIdentity element for each kind of caller, as the CloudTrail User Guide's examples show it.</summary>
public static partial class CloudTrailRecords
{
    /// <summary>
    /// An IAM user. With <paramref name="sessionMfa"/> the call was made with temporary credentials
    /// (the console or GetSessionToken), so the record carries a sessionContext and, unless told, an ASIA key.
    /// </summary>
    public static JsonObject IamUser(string userName = "alice", bool? sessionMfa = null, string? accessKeyId = null, string account = Account)
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDACKCEVSQ6C2EXAMPLE",
            ["arn"] = $"arn:aws:iam::{account}:user/{userName}",
            ["accountId"] = account,
            ["accessKeyId"] = accessKeyId ?? (sessionMfa is null ? "AKIAIOSFODNN7EXAMPLE" : "ASIAIOSFODNN7SESSION"),
            ["userName"] = userName,
        };
        if (sessionMfa is { } mfa)
        {
            identity["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject(),
                ["webIdFederationData"] = new JsonObject(),
                ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:55:00Z", ["mfaAuthenticated"] = mfa ? "true" : "false" },
            };
        }
        return identity;
    }

    public static JsonObject Root(string? invokedBy = null, string accessKeyId = "ASIAROOTCONSOLE00001", string account = Account)
    {
        var identity = new JsonObject
        {
            ["type"] = "Root",
            ["principalId"] = account,
            ["arn"] = $"arn:aws:iam::{account}:root",
            ["accountId"] = account,
            ["accessKeyId"] = accessKeyId,
        };
        if (invokedBy is not null) identity["invokedBy"] = invokedBy;
        return identity;
    }

    /// <summary>A role session; IAM Identity Center roles (AWSReservedSSO_*) live under their documented path.</summary>
    public static JsonObject AssumedRole(string roleName = "Admin", string sessionName = "alice@example.com", string mfa = "false", string account = Account) => new()
    {
        ["type"] = "AssumedRole",
        ["principalId"] = $"AROAIDPPEZS35WEXAMPLE:{sessionName}",
        ["arn"] = $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}",
        ["accountId"] = account,
        ["accessKeyId"] = "ASIAEXAMPLEROLE00001",
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = "AROAIDPPEZS35WEXAMPLE",
                ["arn"] = $"arn:aws:iam::{account}:role/{(roleName.StartsWith("AWSReservedSSO_") ? "aws-reserved/sso.amazonaws.com/" : "")}{roleName}",
                ["accountId"] = account,
                ["userName"] = roleName,
            },
            ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:55:00Z", ["mfaAuthenticated"] = mfa },
        },
    };
}
