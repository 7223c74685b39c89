using System.Text.Json.Nodes;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// `permissions policy`: one or more IAM policy documents that together allow exactly the
/// observed actions. More than one when a single document would pass IAM's managed policy size
/// limit (6,144 characters, whitespace not counted).
/// </summary>
public sealed record GeneratedPolicy(string Principal, DateTimeOffset? Since, IReadOnlyList<JsonObject> Documents, IReadOnlyList<string> Notes);
