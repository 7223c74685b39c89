using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Catalog;

/// <summary>IAM, STS and the console sign-in.</summary>
internal static partial class ApiCatalog
{
    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

    public static readonly ApiCall ConsoleLogin = new("signin", "ConsoleLogin", false)
    {
        EventType = "AwsConsoleSignIn",
        Response = (j, c) => j.WriteString("ConsoleLogin", c.Call.Outcome == CallOutcome.Success ? "Success" : "Failure"),
        AdditionalData = (j, c) =>
        {
            j.WriteString("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_" + c.Random.Hex(16));
            j.WriteString("MobileVersion", "No");
            j.WriteString("MFAUsed", c.Call.MfaUsed == true ? "Yes" : "No");
        },
    };

    public static readonly ApiCall GetCallerIdentity = new("sts", "GetCallerIdentity", true) { EventVersion = "1.08" };

    public static readonly ApiCall AssumeRole = new("sts", "AssumeRole", true, TargetKind.Role)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("roleArn", c.Target.Role!.Arn);
            j.WriteString("roleSessionName", c.Target.SessionName);
            j.WriteNumber("durationSeconds", 3600);
        },
        Response = (j, c) => WriteIssuedCredentials(j, c),
    };

    public static readonly ApiCall AssumeRoleWithSaml = new("sts", "AssumeRoleWithSAML", true, TargetKind.Role)
    {
        EventVersion = "1.08",
        Request = (j, c) =>
        {
            j.WriteString("sAMLAssertionID", "_" + c.Random.Hex(32));
            j.WriteString("roleSessionName", c.Target.SessionName);
            j.WriteString("principalArn", $"arn:aws:iam::{c.AccountId}:saml-provider/AWSSSO_{c.Random.Hex(16)}_DO_NOT_DELETE");
            j.WriteString("roleArn", c.Target.Role!.Arn);
            j.WriteNumber("durationSeconds", 43200);
        },
        Response = (j, c) =>
        {
            WriteIssuedCredentials(j, c);
            j.WriteString("subjectType", "persistent");
            j.WriteString("issuer", "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/" + c.Random.Base64(32));
            j.WriteString("audience", "https://signin.aws.amazon.com/saml");
            j.WriteString("subject", c.Target.SessionName);
        },
    };

    public static readonly ApiCall ListUsers = new("iam", "ListUsers", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListRoles = new("iam", "ListRoles", true) { EventVersion = "1.08" };
    public static readonly ApiCall ListPolicies = new("iam", "ListPolicies", true) { EventVersion = "1.08", Request = (j, _) => j.WriteString("scope", "Local") };
    public static readonly ApiCall GetAccountSummary = new("iam", "GetAccountSummary", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetAccountAuthorizationDetails = new("iam", "GetAccountAuthorizationDetails", true) { EventVersion = "1.08" };
    public static readonly ApiCall GetUser = IamUser("GetUser", true);
    public static readonly ApiCall ListAccessKeys = IamUser("ListAccessKeys", true);
    public static readonly ApiCall ListAttachedUserPolicies = IamUser("ListAttachedUserPolicies", true);
    public static readonly ApiCall GetRole = IamRole("GetRole", true);
    public static readonly ApiCall ListAttachedRolePolicies = IamRole("ListAttachedRolePolicies", true);

    public static readonly ApiCall CreateUser = IamUser("CreateUser", false) with
    {
        Response = (j, c) =>
        {
            j.WriteStartObject("user");
            j.WriteString("path", "/");
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("userId", c.Random.AwsId("AIDA", 17));
            j.WriteString("arn", $"arn:aws:iam::{c.AccountId}:user/{c.Target.UserName}");
            j.WriteString("createDate", Format.Iam(c.Time));
            j.WriteEndObject();
        },
    };

    public static readonly ApiCall CreateAccessKey = IamUser("CreateAccessKey", false) with
    {
        // The secret never appears in CloudTrail; the new key id does.
        Response = (j, c) =>
        {
            j.WriteStartObject("accessKey");
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("accessKeyId", c.Target.IssuedAccessKeyId ?? c.Random.AwsId("AKIA", 16));
            j.WriteString("status", "Active");
            j.WriteString("createDate", Format.Iam(c.Time));
            j.WriteEndObject();
        },
    };

    public static readonly ApiCall CreateLoginProfile = IamUser("CreateLoginProfile", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("userName", c.Target.UserName);
            j.WriteBoolean("passwordResetRequired", false);
        },
        Response = (j, c) =>
        {
            j.WriteStartObject("loginProfile");
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("createDate", Format.Iam(c.Time));
            j.WriteBoolean("passwordResetRequired", false);
            j.WriteEndObject();
        },
    };

    public static readonly ApiCall AttachUserPolicy = IamUser("AttachUserPolicy", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("policyArn", c.Target.PolicyArn ?? "arn:aws:iam::aws:policy/ReadOnlyAccess");
        },
    };

    public static readonly ApiCall AttachRolePolicy = IamRole("AttachRolePolicy", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("roleName", c.Target.Role!.Name);
            j.WriteString("policyArn", c.Target.PolicyArn ?? $"arn:aws:iam::{c.AccountId}:policy/orders-s3-read");
        },
    };

    public static readonly ApiCall UpdateAccessKey = IamUser("UpdateAccessKey", false) with
    {
        Request = (j, c) =>
        {
            j.WriteString("userName", c.Target.UserName);
            j.WriteString("accessKeyId", c.Random.AwsId("AKIA", 16));
            j.WriteString("status", "Inactive");
        },
    };

    private static ApiCall IamUser(string name, bool readOnly) => new("iam", name, readOnly, TargetKind.User)
    {
        EventVersion = "1.08",
        Request = (j, c) => j.WriteString("userName", c.Target.UserName),
    };

    private static ApiCall IamRole(string name, bool readOnly) => new("iam", name, readOnly, TargetKind.Role)
    {
        EventVersion = "1.08",
        Request = (j, c) => j.WriteString("roleName", c.Target.Role!.Name),
    };

    private static void WriteIssuedCredentials(System.Text.Json.Utf8JsonWriter j, RenderContext c)
    {
        var role = c.Target.Role!;
        j.WriteStartObject("credentials");
        j.WriteString("accessKeyId", c.Target.IssuedAccessKeyId ?? c.Random.AwsId("ASIA", 16));
        j.WriteString("sessionToken", c.Random.Base64(96));
        j.WriteString("expiration", Format.Iam(c.Time.AddHours(1)));
        j.WriteEndObject();
        j.WriteStartObject("assumedRoleUser");
        j.WriteString("assumedRoleId", $"{role.RoleId}:{c.Target.SessionName}");
        j.WriteString("arn", role.AssumedRoleArn(c.Target.SessionName!));
        j.WriteEndObject();
    }
}
