using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// The last-used read model, in flat tables the projection upserts a batch at a time:
/// per principal and action (all time, what reports read), per principal, action and UTC day
/// (for "used between D1 and D2"), the resources each action touched, and each long-term
/// credential's use per hour and source network (key age, unused keys and passwords, sharing).
/// </summary>
public static class PermissionUseTables
{
    public const string Use = "aw_permission_use";
    public const string Daily = "aw_permission_use_daily";
    public const string Resources = "aw_permission_resource";
    public const string Credentials = "aw_credential_use";

    public static IEnumerable<Table> Define(string schema)
    {
        yield return UseTable(schema, Use, withDay: false);
        yield return UseTable(schema, Daily, withDay: true);

        var resources = new Table(Name(schema, Resources));
        resources.AddColumn("principal", "text").AsPrimaryKey();
        resources.AddColumn("action", "text").AsPrimaryKey();
        resources.AddColumn("resource", "text").AsPrimaryKey();
        resources.AddColumn("first_used", "timestamptz").NotNull();
        resources.AddColumn("last_used", "timestamptz").NotNull();
        resources.AddColumn("calls", "bigint").NotNull();
        yield return resources;

        var credentials = new Table(Name(schema, Credentials));
        // The principal is part of the key: "password" is every user's console password.
        credentials.AddColumn("credential", "text").AsPrimaryKey();
        credentials.AddColumn("principal", "text").AsPrimaryKey();
        credentials.AddColumn("hour", "timestamptz").AsPrimaryKey();
        credentials.AddColumn("network", "text").AsPrimaryKey();
        credentials.AddColumn("first_used", "timestamptz").NotNull();
        credentials.AddColumn("last_used", "timestamptz").NotNull();
        credentials.AddColumn("calls", "bigint").NotNull();
        credentials.Indexes.Add(new IndexDefinition($"ix_{Credentials}_principal") { Columns = ["principal", "credential"] });
        yield return credentials;
    }

    private static Table UseTable(string schema, string name, bool withDay)
    {
        var table = new Table(Name(schema, name));
        table.AddColumn("principal", "text").AsPrimaryKey();
        table.AddColumn("action", "text").AsPrimaryKey();
        if (withDay) table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn("service", "text").NotNull();
        table.AddColumn("identity_type", "text").NotNull();
        table.AddColumn("account_id", "text");
        // Successful calls only: a denied call shows intent, not a permission in use.
        table.AddColumn("calls", "bigint").NotNull();
        table.AddColumn("first_used", "timestamptz");
        table.AddColumn("last_used", "timestamptz");
        table.AddColumn("denied", "bigint").NotNull();
        table.AddColumn("last_denied", "timestamptz");
        // Where the latest call (either outcome) came from.
        table.AddColumn("last_seen", "timestamptz").NotNull();
        table.AddColumn("last_region", "text");
        table.AddColumn("last_network", "text");
        if (withDay) table.Indexes.Add(new IndexDefinition($"ix_{name}_day") { Columns = ["day"] });
        return table;
    }

    private static PostgresqlObjectName Name(string schema, string name) =>
        new(schema, name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);
}
