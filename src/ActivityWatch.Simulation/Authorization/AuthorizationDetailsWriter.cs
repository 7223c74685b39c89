using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Authorization;

/// <summary>
/// Writes each simulated account's IAM configuration as `aws iam get-account-authorization-details`
/// prints it (UserDetailList, GroupDetailList, RoleDetailList, Policies with PolicyVersionList,
/// documents as JSON objects), captured at the start of the simulated period: what
/// `activitywatch permissions import FILE --captured-at START` reads. The estate is realistic in
/// the ways least privilege cares about: broad policies, and roles nobody has used for a long time.
/// Deterministic: its own random stream, so the log records are the same with or without it.
/// </summary>
public sealed class AuthorizationDetailsWriter(SimulationOptions options, SimulatedOrganization organization)
{
    /// <summary>The file that tells when the details were captured (ISO 8601), beside the account files.</summary>
    public const string CapturedAtFile = "captured-at";

    private static readonly (PersonArchetype Archetype, string Group)[] Groups =
    [
        (PersonArchetype.Operator, "admins"), (PersonArchetype.Developer, "developers"),
        (PersonArchetype.DataAnalyst, "analysts"), (PersonArchetype.Auditor, "auditors"),
    ];

    public DateTimeOffset CapturedAt => options.Start;

    /// <summary>Writes DIR/&lt;account&gt;.json for each account and DIR/captured-at; returns the account files.</summary>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var account in organization.Accounts)
        {
            var path = Path.Combine(directory, $"{account.Id}.json");
            File.WriteAllText(path, Render(account), new UTF8Encoding(false));
            files.Add(path);
        }
        File.WriteAllText(Path.Combine(directory, CapturedAtFile), CapturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\n");
        return files;
    }

    public string Render(SimulatedAccount account)
    {
        var random = new SimulationRandom(unchecked(options.Seed * 104729 + StableIndex(account)));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteUsers(json, account, random);
            WriteGroups(json, account, random);
            WriteRoles(json, account, random);
            WritePolicies(json, account, random);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private void WriteUsers(Utf8JsonWriter json, SimulatedAccount account, SimulationRandom random)
    {
        json.WriteStartArray("UserDetailList");
        foreach (var user in account.Users)
        {
            var person = organization.People.FirstOrDefault(p => p.User == user);
            json.WriteStartObject();
            json.WriteString("Path", "/");
            json.WriteString("UserName", user.Name);
            json.WriteString("UserId", user.PrincipalId);
            json.WriteString("Arn", user.Arn);
            json.WriteString("CreateDate", Date(Created(random)));
            json.WriteStartArray("GroupList");
            if (person is not null) json.WriteStringValue(Groups.First(g => g.Archetype == person.Archetype).Group);
            json.WriteEndArray();
            json.WriteStartArray("UserPolicyList");
            if (person is null) InlinePolicy(json, "ci-deploy", SimulatedPolicies.Deployer(account.Id));
            json.WriteEndArray();
            json.WriteStartArray("AttachedManagedPolicies");
            json.WriteEndArray();
            json.WriteStartArray("Tags");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteGroups(Utf8JsonWriter json, SimulatedAccount account, SimulationRandom random)
    {
        json.WriteStartArray("GroupDetailList");
        foreach (var (archetype, group) in Groups)
        {
            json.WriteStartObject();
            json.WriteString("Path", "/");
            json.WriteString("GroupName", group);
            json.WriteString("GroupId", random.AwsId("AGPA", 17));
            json.WriteString("Arn", $"arn:aws:iam::{account.Id}:group/{group}");
            json.WriteString("CreateDate", Date(Created(random)));
            json.WriteStartArray("GroupPolicyList");
            json.WriteEndArray();
            json.WriteStartArray("AttachedManagedPolicies");
            Attached(json, archetype switch
            {
                PersonArchetype.Operator => SimulatedPolicies.AdministratorAccess,
                PersonArchetype.Developer => SimulatedPolicies.PowerUserAccess,
                PersonArchetype.DataAnalyst => DataAnalystArn(account),
                _ => SimulatedPolicies.ReadOnlyAccess,
            });
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteRoles(Utf8JsonWriter json, SimulatedAccount account, SimulationRandom random)
    {
        json.WriteStartArray("RoleDetailList");
        foreach (var role in account.Roles)
        {
            var workload = organization.Workloads.FirstOrDefault(w => w.Role == role);
            var (trust, inline, attached) = role.Purpose switch
            {
                SimulatedRolePurpose.HumanSso => (SimulatedPolicies.Trust("Federated", $"arn:aws:iam::{account.Id}:saml-provider/AWSSSO_{random.Hex(16)}_DO_NOT_DELETE", "sts:AssumeRoleWithSAML"),
                    role.Name.Contains("_DataAnalyst_", StringComparison.Ordinal) ? SimulatedPolicies.DataAnalyst() : null,
                    PermissionSet(role.Name)),
                SimulatedRolePurpose.ServiceLinked => (SimulatedPolicies.Trust("Service", "config.amazonaws.com"), null, SimulatedPolicies.ConfigRole),
                SimulatedRolePurpose.Deployment => (SimulatedPolicies.Trust("AWS", $"arn:aws:iam::{account.Id}:user/ci-deployer"), null, SimulatedPolicies.AdministratorAccess),
                _ => (SimulatedPolicies.Trust("Service", workload?.AssumedBy ?? "ec2.amazonaws.com"), SimulatedPolicies.Workload(workload?.Archetype ?? WorkloadArchetype.ApiFunction), null),
            };
            Role(json, role.Path, role.Name, role.RoleId, role.Arn, Created(random), trust, inline, attached,
                lastUsed: CapturedAt.AddHours(-random.Next(1, 48)), account.Regions[0]);
        }
        // Roles nobody uses any more: a retired ETL job and the organisation's break-glass access role.
        Role(json, "/", "legacy-etl-role", random.AwsId("AROA", 17), $"arn:aws:iam::{account.Id}:role/legacy-etl-role",
            CapturedAt.AddDays(-900), SimulatedPolicies.Trust("Service", "glue.amazonaws.com"), SimulatedPolicies.Workload(WorkloadArchetype.NightlyBatch), null,
            lastUsed: CapturedAt.AddDays(-400), account.Regions[0]);
        Role(json, "/", "OrganizationAccountAccessRole", random.AwsId("AROA", 17), $"arn:aws:iam::{account.Id}:role/OrganizationAccountAccessRole",
            CapturedAt.AddDays(-1000), SimulatedPolicies.Trust("AWS", $"arn:aws:iam::{organization.Accounts[0].Id}:root"), null, SimulatedPolicies.AdministratorAccess,
            lastUsed: null, null);
        json.WriteEndArray();
    }

    private static void Role(Utf8JsonWriter json, string path, string name, string id, string arn, DateTimeOffset created, string trust,
        string? inline, string? attached, DateTimeOffset? lastUsed, string? region)
    {
        json.WriteStartObject();
        json.WriteString("Path", path);
        json.WriteString("RoleName", name);
        json.WriteString("RoleId", id);
        json.WriteString("Arn", arn);
        json.WriteString("CreateDate", Date(created));
        json.WritePropertyName("AssumeRolePolicyDocument");
        json.WriteRawValue(trust);
        json.WriteStartArray("InstanceProfileList");
        json.WriteEndArray();
        json.WriteStartArray("RolePolicyList");
        if (inline is not null) InlinePolicy(json, name.StartsWith("AWSReservedSSO_", StringComparison.Ordinal) ? "AwsSSOInlinePolicy" : $"{name}-policy", inline);
        json.WriteEndArray();
        json.WriteStartArray("AttachedManagedPolicies");
        if (attached is not null) Attached(json, attached);
        json.WriteEndArray();
        json.WriteStartArray("Tags");
        json.WriteEndArray();
        json.WriteStartObject("RoleLastUsed");
        if (lastUsed is { } used)
        {
            json.WriteString("LastUsedDate", Date(used));
            if (region is not null) json.WriteString("Region", region);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WritePolicies(Utf8JsonWriter json, SimulatedAccount account, SimulationRandom random)
    {
        json.WriteStartArray("Policies");
        foreach (var (arn, name, path, document) in SimulatedPolicies.AwsManaged)
            ManagedPolicy(json, name, random.AwsId("ANPA", 17), arn, path, document, new DateTimeOffset(2015, 2, 6, 18, 39, 46, TimeSpan.Zero));
        ManagedPolicy(json, "DataAnalyst", random.AwsId("ANPA", 17), DataAnalystArn(account), "/", SimulatedPolicies.DataAnalyst(), Created(random));
        json.WriteEndArray();
    }

    private static void ManagedPolicy(Utf8JsonWriter json, string name, string id, string arn, string path, string document, DateTimeOffset created)
    {
        json.WriteStartObject();
        json.WriteString("PolicyName", name);
        json.WriteString("PolicyId", id);
        json.WriteString("Arn", arn);
        json.WriteString("Path", path);
        json.WriteString("DefaultVersionId", "v1");
        json.WriteNumber("AttachmentCount", 1);
        json.WriteNumber("PermissionsBoundaryUsageCount", 0);
        json.WriteBoolean("IsAttachable", true);
        json.WriteString("CreateDate", Date(created));
        json.WriteString("UpdateDate", Date(created));
        json.WriteStartArray("PolicyVersionList");
        json.WriteStartObject();
        json.WritePropertyName("Document");
        json.WriteRawValue(document);
        json.WriteString("VersionId", "v1");
        json.WriteBoolean("IsDefaultVersion", true);
        json.WriteString("CreateDate", Date(created));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void InlinePolicy(Utf8JsonWriter json, string name, string document)
    {
        json.WriteStartObject();
        json.WriteString("PolicyName", name);
        json.WritePropertyName("PolicyDocument");
        json.WriteRawValue(document);
        json.WriteEndObject();
    }

    private static void Attached(Utf8JsonWriter json, string arn)
    {
        json.WriteStartObject();
        json.WriteString("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]);
        json.WriteString("PolicyArn", arn);
        json.WriteEndObject();
    }

    private static string? PermissionSet(string roleName) =>
        roleName.Contains("_AdministratorAccess_", StringComparison.Ordinal) ? SimulatedPolicies.AdministratorAccess
        : roleName.Contains("_PowerUserAccess_", StringComparison.Ordinal) ? SimulatedPolicies.PowerUserAccess
        : roleName.Contains("_ReadOnlyAccess_", StringComparison.Ordinal) ? SimulatedPolicies.ReadOnlyAccess
        : null;

    private static string DataAnalystArn(SimulatedAccount account) => $"arn:aws:iam::{account.Id}:policy/DataAnalyst";

    private DateTimeOffset Created(SimulationRandom random) => CapturedAt.AddDays(-random.Next(120, 800)).AddSeconds(random.Next(86_400));

    // By id: the account records hold lists, so record equality would compare list instances.
    private int StableIndex(SimulatedAccount account) => organization.Accounts.Select(a => a.Id).ToList().IndexOf(account.Id) + 1;

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
